using System.Collections.Concurrent;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Storage.Migration;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Uploads;

namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>
/// Which storage the test hosts use. By default every <see cref="BotHost"/> keeps its LiteDB file; with
/// <c>DUNNING_TEST_STORAGE=PostgreSql</c> each host gets a database of its own on one private cluster of the test run
/// (<see cref="PostgresServer"/>, started at the first host and stopped when the process ends) and
/// <c>Storage:Provider=PostgreSql</c>. A host whose test named its own <c>Storage:Path</c> (two hosts of one test over
/// the same data, a restart) gets the same database for the same path, so what the first host wrote the second finds.
/// </summary>
public static class TestStorage
{
    public const string Variable = "DUNNING_TEST_STORAGE";

    private static readonly Lazy<PostgresServer> Cluster = new(StartCluster, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Migrated = new(CreateMigrated, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, Lazy<string>> ByPath = new(StringComparer.Ordinal);
    private static readonly Lock Dropping = new();
    private static Task dropped = Task.CompletedTask;

    /// <summary>True when the run asked for PostgreSQL (<c>DUNNING_TEST_STORAGE=PostgreSql</c>).</summary>
    public static bool IsPostgreSql =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string of the database that stands for the LiteDB file at <paramref name="liteDbPath"/>.</summary>
    public static string DatabaseFor(string liteDbPath) =>
        ByPath.GetOrAdd(Path.GetFullPath(liteDbPath), path => new Lazy<string>(() => Create(path))).Value;

    /// <summary>
    /// Drops the database that stood for <paramref name="liteDbPath"/> (the host that owned it is disposed) in the
    /// background, one drop after the other: nothing uses it again, so the test need not wait for the server.
    /// </summary>
    public static void Drop(string liteDbPath)
    {
        if (!ByPath.TryRemove(Path.GetFullPath(liteDbPath), out var database) || !database.IsValueCreated)
            return;
        lock (Dropping)
            dropped = dropped.ContinueWith(_ => Cluster.Value.DropDatabaseAsync(database.Value), TaskScheduler.Default).Unwrap();
    }

    /// <summary>
    /// A new database; when the test prepared a LiteDB file at <paramref name="path"/> before starting the host (data
    /// written through the LiteDB stores), it is copied in with the storage migration, as an owner moving over would.
    /// </summary>
    private static string Create(string path)
    {
        var connection = Cluster.Value.CreateDatabaseAsync(template: Migrated.Value).GetAwaiter().GetResult();
        if (File.Exists(path) && new FileInfo(path).Length > 0)
            CopyAsync(path, connection).GetAwaiter().GetResult();
        return connection;
    }

    private static async Task CopyAsync(string path, string connection)
    {
        using var lite = new LiteDbContext(new StorageOptions { Path = path, CachedDocuments = 0 });
        await using var database = new PostgreSqlDatabase(connection);
        var target = new PostgreSqlStorageTarget(database, filesInDatabase: true);
        await target.PrepareAsync(CancellationToken.None);
        var migration = new StorageMigration(new LiteStorageSource(lite, new UploadOptions()), target, batchSize: 500);
        await migration.CopyAsync(await migration.CompareAsync(CancellationToken.None), overwrite: false, CancellationToken.None);
    }

    /// <summary>
    /// One database of the run with every migration applied, closed, that each host's database is copied from: a host
    /// then finds its schema current at start-up instead of applying every migration (with it, 19 hosts of one class took
    /// 11 s instead of 15 s). Migrating an empty database at start-up is what the provider's own tests check
    /// (<c>Storage/PostgreSql</c>, which create theirs from <c>template0</c>).
    /// </summary>
    private static string CreateMigrated()
    {
        var connection = Cluster.Value.CreateDatabaseAsync().GetAwaiter().GetResult();
        using (var database = new PostgreSqlDatabase(connection)) // disposed: its connections closed, so it can be copied
            database.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connection;
    }

    private static PostgresServer StartCluster()
    {
        var server = new PostgresServer();
        server.InitializeAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().GetAwaiter().GetResult();
        return server;
    }
}
