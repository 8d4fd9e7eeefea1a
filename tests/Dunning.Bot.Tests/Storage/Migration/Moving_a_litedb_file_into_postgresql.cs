using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Storage.Migration;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Uploads;

namespace Dunning.Bot.Tests.Storage.Migration;

/// <summary>
/// <c>migrate-storage --to postgresql</c>: copies every kind from a LiteDB file into PostgreSQL, proves it per kind by
/// count and checksum, copies nothing on a second run, completes a run cut short, and refuses — changing nothing — a
/// database that holds different data under the same ids (the channels' memories of retried deliveries too), a file a
/// host holds, a server it cannot reach.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Moving_a_litedb_file_into_postgresql(PostgresServer server)
{
    [PostgresFact]
    public async Task The_demo_data_and_a_conversation_arrive_whole_and_verified()
    {
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync();

        var (exit, output, error) = await world.MigrateAsync();

        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain("MISMATCH", output);
        Assert.Contains("PostgreSQL holds exactly the LiteDB file's data", output);
        using var lite = new LiteDbContext(new StorageOptions { Path = world.File });
        await using var database = new PostgreSqlDatabase(world.Connection);
        var liteDebtors = await new LiteDebtorStore(lite).ListAsync(CancellationToken.None);
        var pgDebtors = await new PostgreSqlDebtorStore(database).ListAsync(CancellationToken.None);
        Assert.Equal(liteDebtors.Select(d => (d.Id, d.AccessCode, d.Version)).Order(), pgDebtors.Select(d => (d.Id, d.AccessCode, d.Version)).Order());
        var link = Assert.Single(await new LiteConversationStore(lite).ListByDebtorAsync(liteDebtors.OrderBy(d => d.Id, StringComparer.Ordinal).First().Id, CancellationToken.None));
        Assert.Equal(link.Version, (await new PostgreSqlConversationStore(database).FindAsync(link.Key, CancellationToken.None))!.Version);
        var liteTurns = await new LiteTranscriptStore(lite).ListAsync(link.Key, null, 100, CancellationToken.None);
        var pgTurns = await new PostgreSqlTranscriptStore(database).ListAsync(link.Key, null, 100, CancellationToken.None);
        Assert.True(liteTurns.Count >= 4, $"only {liteTurns.Count} transcript entries");
        Assert.Equal(liteTurns.Select(t => (t.At, t.Direction, t.Text)), pgTurns.Select(t => (t.At, t.Direction, t.Text)));
        Assert.Equal(lite.Database.GetCollection("botstate").Count(), await world.ScalarAsync("SELECT count(*) FROM bot_state"));
        Assert.Equal(lite.Database.GetCollection("outbox").Count(), await world.ScalarAsync("SELECT count(*) FROM outbox"));
        Assert.Matches(@"\n  transcripts\s+[1-9]", output);
    }

    [PostgresFact]
    public async Task E_mail_reply_tokens_and_teams_service_urls_move_too()
    {
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync();
        using (var lite = new LiteDbContext(new StorageOptions { Path = world.File }))
        {
            lite.Database.GetCollection("email_tokens").Insert(new LiteDB.BsonDocument { ["_id"] = "D-X", ["Token"] = "r7k2m9q4x8w3" });
            lite.Database.GetCollection("teams_service_urls").Insert(new LiteDB.BsonDocument
            {
                ["_id"] = "https://smba.trafficmanager.net/emea/", ["FirstSeen"] = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc),
            });
        }

        var (exit, output, error) = await world.MigrateAsync();

        Assert.True(exit == 0, output + error);
        Assert.Equal(1, await world.ScalarAsync("SELECT count(*) FROM email_tokens WHERE debtor_id = 'D-X' AND token = 'r7k2m9q4x8w3'"));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero).UtcTicks,
            await world.ScalarAsync("SELECT first_seen FROM teams_service_urls WHERE url = 'https://smba.trafficmanager.net/emea/'"));
    }

    [PostgresFact]
    public async Task Retry_memories_move_once_and_one_that_differs_is_refused_naming_its_kind_unless_overwrite()
    {
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync();
        var at = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
        using (var lite = new LiteDbContext(new StorageOptions { Path = world.File }))
            lite.Database.GetCollection("teams_deliveries").Insert(new LiteDB.BsonDocument { ["_id"] = "5e1f0a", ["Status"] = 200, ["At"] = at });
        var conversation = world.WebChat.ConversationId;
        Assert.Equal(0, (await world.MigrateAsync()).Exit);
        Assert.Contains("Done: 0 record(s) copied", (await world.MigrateAsync()).Output);
        Assert.Equal(new DateTimeOffset(at).UtcTicks, await world.ScalarAsync("SELECT at FROM teams_deliveries WHERE key = '5e1f0a' AND status = 200"));
        var clientIds = await world.ScalarAsync($"SELECT count(*) FROM webchat_client_ids WHERE conversation_id = '{conversation}'");
        Assert.Equal(2, clientIds);
        await world.ExecuteAsync("UPDATE teams_deliveries SET status = 500");
        await world.ExecuteAsync($"DELETE FROM webchat_client_ids WHERE conversation_id = '{conversation}' AND client_id = 'c2'");

        var (exit, _, error) = await world.MigrateAsync();

        Assert.Equal(1, exit);
        Assert.Contains("teams_deliveries: 1 record(s) differ from the LiteDB file, e.g. 5e1f0a", error);
        Assert.Contains($"webchat_client_ids: 1 record(s) differ from the LiteDB file, e.g. {conversation}", error);
        Assert.Equal(clientIds - 1, await world.ScalarAsync($"SELECT count(*) FROM webchat_client_ids WHERE conversation_id = '{conversation}'"));

        var overwritten = await world.MigrateAsync("--overwrite");

        Assert.True(overwritten.Exit == 0, overwritten.Output + overwritten.Error);
        Assert.Equal(200, await world.ScalarAsync("SELECT status FROM teams_deliveries WHERE key = '5e1f0a'"));
        Assert.Equal(clientIds, await world.ScalarAsync($"SELECT count(*) FROM webchat_client_ids WHERE conversation_id = '{conversation}'"));
    }

    [PostgresFact]
    public async Task A_second_run_copies_nothing_and_verifies_again()
    {
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync();
        Assert.Equal(0, (await world.MigrateAsync()).Exit);
        var invoices = await world.ScalarAsync("SELECT count(*) FROM invoices");

        var (exit, output, _) = await world.MigrateAsync();

        Assert.Equal(0, exit);
        Assert.Contains("Done: 0 record(s) copied", output);
        Assert.Equal(invoices, await world.ScalarAsync("SELECT count(*) FROM invoices"));
    }

    [PostgresFact]
    public async Task A_run_cut_short_after_some_batches_is_completed_by_the_next_run()
    {
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync();
        using (var lite = new LiteDbContext(new StorageOptions { Path = world.File }))
        await using (var database = new PostgreSqlDatabase(world.Connection))
        {
            var target = new DyingTarget(new PostgreSqlStorageTarget(database, filesInDatabase: true), writesBeforeDeath: 3);
            var migration = new StorageMigration(new LiteStorageSource(lite, new UploadOptions()), target, batchSize: 2);
            await target.PrepareAsync(CancellationToken.None);
            var reports = await migration.CompareAsync(CancellationToken.None);
            await Assert.ThrowsAsync<OperationCanceledException>(() => migration.CopyAsync(reports, overwrite: false, CancellationToken.None));
        }
        Assert.Equal(6, await world.ScalarAsync("SELECT count(*) FROM debtors"));

        var (exit, output, error) = await world.MigrateAsync("--batch-size", "2");

        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain("MISMATCH", output);
    }

    [PostgresFact]
    public async Task A_database_with_other_data_under_the_same_ids_is_refused_and_left_as_it_was_unless_overwrite()
    {
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync();
        Assert.Equal(0, (await world.MigrateAsync()).Exit);
        await world.ExecuteAsync("UPDATE debtors SET doc = jsonb_set(doc, '{Name}', '\"Someone Else\"') WHERE id = (SELECT min(id) FROM debtors)");
        await world.ExecuteAsync("DELETE FROM invoices WHERE number = (SELECT min(number) FROM invoices)");
        var invoicesLeft = await world.ScalarAsync("SELECT count(*) FROM invoices");

        var (exit, _, error) = await world.MigrateAsync();

        Assert.Equal(1, exit);
        Assert.Contains("debtors: 1 record(s) differ from the LiteDB file, e.g. ", error);
        Assert.Contains("Nothing was changed", error);
        Assert.Equal(1, await world.ScalarAsync("SELECT count(*) FROM debtors WHERE doc->>'Name' = 'Someone Else'"));
        Assert.Equal(invoicesLeft, await world.ScalarAsync("SELECT count(*) FROM invoices"));

        var overwritten = await world.MigrateAsync("--overwrite");

        Assert.True(overwritten.Exit == 0, overwritten.Output + overwritten.Error);
        Assert.Equal(0, await world.ScalarAsync("SELECT count(*) FROM debtors WHERE doc->>'Name' = 'Someone Else'"));
    }

    [PostgresFact]
    public async Task A_dry_run_compares_and_writes_nothing()
    {
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync();

        var (exit, output, _) = await world.MigrateAsync("--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("Dry run:", output);
        Assert.Equal(0, await world.ScalarAsync("SELECT count(*) FROM debtors"));
    }

    [PostgresFact]
    public async Task A_file_a_running_host_holds_is_refused()
    {
        await using var world = await new MigrationWorld(server).WithDemoDataAndTurnsAsync();
        using var running = new LiteDbContext(new StorageOptions { Path = world.File });

        var (exit, _, error) = await world.MigrateAsync();

        Assert.Equal(DatabaseInUseException.ExitCode, exit);
        Assert.Contains("stop the host", error);
        Assert.Equal(0, await world.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_name = 'debtors'"));
    }

    [Theory]
    [InlineData("Host=db;Nonsense Key=1", "the connection string is not valid")]
    [InlineData("Database=dunning", "the connection string is not valid")]
    public async Task A_malformed_connection_string_is_a_usage_error(string connection, string expected)
    {
        await using var world = new MigrationWorld(server);

        var (exit, _, error) = await MigrateWithAsync(world, connection);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_named_and_nothing_is_copied()
    {
        await using var world = new MigrationWorld(server);
        new LiteDbContext(new StorageOptions { Path = world.File }).Dispose();

        var (exit, _, error) = await MigrateWithAsync(world, $"Host=127.0.0.1;Port={FreePort()};Username=x;Timeout=3");

        Assert.Equal(1, exit);
        Assert.Contains("cannot be reached", error);
        Assert.Contains("Nothing was copied", error);
    }

    [Theory]
    [InlineData("--to", "mysql")]
    [InlineData("--batch-size", "0")]
    [InlineData("--batch-size", "ten")]
    [InlineData("--bogus", "1")]
    public async Task Bad_options_are_usage_errors(string option, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = option == "--to" ? ["--lang", "en", option, value] : ["--lang", "en", "--to", "postgresql", "--connection", "Host=127.0.0.1", option, value];

        var exit = await new Dunning.Bot.Cli.MigrateStorageVerb().RunAsync(args, output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("usage: migrate-storage", error.ToString());
    }

    private static async Task<(int, string, string)> MigrateWithAsync(MigrationWorld world, string connection)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new Dunning.Bot.Cli.MigrateStorageVerb().RunAsync(
            ["--to", "postgresql", "--connection", connection, "--from", world.File, "--lang", "en"], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A target that dies (as a killed process would) after some writes have committed.</summary>
    private sealed class DyingTarget(IStorageTarget inner, int writesBeforeDeath) : IStorageTarget
    {
        private int writes;

        public Task PrepareAsync(CancellationToken cancellationToken) => inner.PrepareAsync(cancellationToken);

        public Task<IReadOnlyDictionary<string, StoredRecord>> FindAsync(string kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
            inner.FindAsync(kind, ids, cancellationToken);

        public Task WriteAsync(string kind, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken) =>
            ++writes > writesBeforeDeath ? throw new OperationCanceledException("killed") : inner.WriteAsync(kind, records, cancellationToken);

        public IAsyncEnumerable<StoredRecord> ReadAllAsync(string kind, CancellationToken cancellationToken) => inner.ReadAllAsync(kind, cancellationToken);
    }
}
