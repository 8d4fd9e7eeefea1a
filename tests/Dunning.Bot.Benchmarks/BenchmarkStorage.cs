namespace Dunning.Bot.Benchmarks;

/// <summary>
/// <c>--storage litedb|postgresql</c> and <c>--connection CS</c>: where a scenario keeps its data. LiteDB (default) is a
/// fresh file in the scenario's temp folder; PostgreSQL is the database the connection string names, which should be
/// empty (start a private cluster first, see docs/performance.md). import, sweep and turns (one host) take it.
/// </summary>
internal static class BenchmarkStorage
{
    public static bool IsPostgreSql(BenchmarkArgs args) =>
        string.Equals(args.String("storage", "litedb"), "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string for <c>--storage postgresql</c>; throws when it is missing.</summary>
    public static string Connection(BenchmarkArgs args) =>
        args.String("connection", "") is { Length: > 0 } connection
            ? connection
            : throw new ArgumentException("--storage postgresql needs --connection \"Host=…;Port=…;Username=…;Database=…\"");

    /// <summary>Adds the provider settings to <paramref name="settings"/> when the run is on PostgreSQL.</summary>
    public static Dictionary<string, string?> Apply(BenchmarkArgs args, Dictionary<string, string?> settings)
    {
        if (IsPostgreSql(args))
        {
            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:ConnectionString"] = Connection(args);
        }
        return settings;
    }

    /// <summary>"litedb" or "postgresql", for the JSON line.</summary>
    public static string Name(BenchmarkArgs args) => IsPostgreSql(args) ? "postgresql" : "litedb";
}
