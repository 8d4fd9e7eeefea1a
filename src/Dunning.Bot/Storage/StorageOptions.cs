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
}
