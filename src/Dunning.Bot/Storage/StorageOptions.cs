namespace Dunning.Bot.Storage;

/// <summary>Where and how the LiteDB file is kept (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The database file; relative paths are taken from the working directory. The folder is created.</summary>
    public string Path { get; set; } = "./data/dunning.db";

    /// <summary>When set, the file is AES-encrypted with this password (it cannot be opened without it).</summary>
    public string? Password { get; set; }

    /// <summary>
    /// <see cref="StorageConnection.Direct"/> (default, fastest) keeps the file open exclusively;
    /// <see cref="StorageConnection.Shared"/> lets a second process (an import while the host runs) use it too.
    /// </summary>
    public StorageConnection Connection { get; set; } = StorageConnection.Direct;

    /// <summary>
    /// How many documents read by id on every turn (conversation links, bot state, debtors, cases) are kept in memory
    /// with <see cref="StorageConnection.Direct"/>; each is re-read after any write to it. 0 turns the cache off.
    /// </summary>
    public int CachedDocuments { get; set; } = 10_000;

    // --- PostgreSQL provider (Storage/PostgreSql) ---

    /// <summary><see cref="StorageProvider.LiteDb"/> (default, the file at <see cref="Path"/>) or <see cref="StorageProvider.PostgreSql"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>
    /// With <see cref="StorageProvider.PostgreSql"/>: the Npgsql connection string, e.g.
    /// <c>Host=db;Database=dunning;Username=dunning;Password=…</c> (better from the environment: Storage__ConnectionString).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Problems with these options, as sentences for the log (empty when they are fine).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Provider))
            problems.Add($"{SectionName}:Provider must be LiteDb or PostgreSql.");
        if (Provider == StorageProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
                problems.Add($"{SectionName}:ConnectionString is required when {SectionName}:Provider is PostgreSql.");
            else if (PostgreSql.PostgreSqlDatabase.ConnectionStringProblem(ConnectionString) is { } problem)
                problems.Add($"{SectionName}:ConnectionString is not a valid PostgreSQL connection string: {problem}");
        }
        return problems;
    }
}
