using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Dunning.Bot.Cli;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage.Migration;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Dunning.Bot.Tests.Intake.Importing;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// <c>simulate</c> and <c>sweep --dry-run</c> on PostgreSQL run on a private copy of the data (one read-only snapshot
/// copied into a temporary LiteDB file): they print what they print on a LiteDB file holding the same data, the
/// database keeps every row and sequence as it was, nothing is sent, and hosts on the same database keep answering.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Dry_runs_work_on_postgresql(PostgresServer server) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("dunning-pg-dry-");
    private readonly TcpListener smtp = StartSmtpSink();

    /// <summary>Overdue, not yet due, several invoices of one debtor, another currency, a business debtor.</summary>
    private static readonly string Invoices = Csv(Header,
        Row("RE-1", "K1", issue: "2026-07-01", due: "2026-10-15"),
        Row("RE-2", "K2", total: "480.50", issue: "2026-07-01", due: "2026-09-30", name: "Hans Huber"),
        Row("RE-3", "K2", total: "20.00", issue: "2026-07-01", due: "2026-10-20", name: "Hans Huber"),
        Row("RE-4", "K3", total: "75.00", currency: "CHF", issue: "2026-07-01", due: "2026-11-10", name: "Beat Keller"),
        Row("RE-5", "K4", issue: "2026-07-01", due: "2099-01-31", name: "Later GmbH"),
        Row("RE-6", "K5", total: "1999.99", issue: "2026-07-01", due: "2026-08-01", name: "Alt & Co"));

    [PostgresFact]
    public async Task A_dry_run_sweep_prints_the_plan_it_prints_on_litedb_and_changes_and_sends_nothing()
    {
        var (pg, connection) = await PostgreSqlConfigAsync();
        var lite = LiteDbConfig();
        await ImportAsync(pg, lite);
        var before = await FingerprintAsync(connection);

        var onPostgreSql = await RunAsync(new SweepVerb(), "--dry-run", "--config", pg);
        var onLiteDb = await RunAsync(new SweepVerb(), "--dry-run", "--config", lite);

        Assert.True(onPostgreSql.Exit == 0, onPostgreSql.Error);
        Assert.Equal(0, onLiteDb.Exit);
        Assert.Contains("K1\temail\treminder.friendly\twould send", onPostgreSql.Output, StringComparison.Ordinal);
        Assert.StartsWith("dry run: sweep:", onPostgreSql.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
        Assert.Equal(onLiteDb.Output, onPostgreSql.Output);
        Assert.Contains("copied", onPostgreSql.Error, StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync(connection));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM outbox"));
        Assert.False(smtp.Pending(), "no SMTP connection was opened");
    }

    [PostgresFact]
    public async Task Simulate_prints_the_timelines_it_prints_on_litedb_and_changes_and_sends_nothing()
    {
        var (pg, connection) = await PostgreSqlConfigAsync();
        var lite = LiteDbConfig();
        await ImportAsync(pg, lite);
        var before = await FingerprintAsync(connection);
        string[] args = ["--days", "60", "--today", "2026-11-27"];

        var onPostgreSql = await RunAsync(new SimulateVerb(), [.. args, "--config", pg]);
        var onLiteDb = await RunAsync(new SimulateVerb(), [.. args, "--config", lite]);
        var oneDebtor = await RunAsync(new SimulateVerb(), [.. args, "--debtor", "K2", "--config", pg]);

        Assert.True(onPostgreSql.Exit == 0, onPostgreSql.Error);
        Assert.Equal(0, onLiteDb.Exit);
        Assert.Contains("reminder.friendly", onPostgreSql.Output, StringComparison.Ordinal);
        Assert.Contains("K5 Alt & Co", onPostgreSql.Output, StringComparison.Ordinal);
        Assert.Contains("K3 Beat Keller (Europe/Berlin, DE-BY)\n", onPostgreSql.Output, StringComparison.Ordinal);
        Assert.Contains("escalated to the owner (dispute)", onPostgreSql.Output, StringComparison.Ordinal);
        Assert.Equal(onLiteDb.Output, onPostgreSql.Output);
        Assert.Equal(0, oneDebtor.Exit);
        Assert.DoesNotContain("K1 ", oneDebtor.Output, StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync(connection));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM outbox"));
        Assert.False(smtp.Pending(), "no SMTP connection was opened");
    }

    [PostgresFact]
    public async Task The_copy_is_one_snapshot_that_never_makes_a_host_wait()
    {
        var (pg, connection) = await PostgreSqlConfigAsync();
        await ImportAsync(pg);
        using var host = new BotHost(new()
        {
            ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = connection, ["Scheduling:Enabled"] = "false",
        });
        var client = host.Client();
        await client.StartAsync();

        using (var source = await PostgreSqlStorageSource.OpenAsync(connection, filesInDatabase: true, CancellationToken.None))
        {
            await using var debtors = source.ReadAsync(StoredKinds.Debtors, 1, CancellationToken.None).GetAsyncEnumerator();
            Assert.True(await debtors.MoveNextAsync());
            Assert.Equal("K1", debtors.Current[0].Id);

            // While the copy's transaction is open and its reader stands on the debtors: a host's turn, and a write to
            // the very rows it reads, which would wait for any row lock (lock_timeout makes waiting fail).
            var watch = Stopwatch.StartNew();
            await client.SayAsync("Hallo").WaitAsync(TimeSpan.FromSeconds(30));
            var (activities, _) = await client.PollAsync();
            Assert.Contains(activities, a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
            Assert.Equal(1L, await ScalarAsync(connection,
                "SET lock_timeout = '2s'; UPDATE debtors SET doc = jsonb_set(doc, '{Name}', '\"Renamed\"') WHERE id = 'K2'; SELECT 1"));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the turn took {watch.Elapsed}");
            Assert.Equal(1L, await ScalarAsync(connection,
                $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{PostgreSqlStorageSource.ApplicationName}' AND datname = current_database()"));

            var rest = new List<StoredRecord>();
            while (await debtors.MoveNextAsync())
                rest.AddRange(debtors.Current);
            var k2 = Assert.Single(rest, r => r.Id == "K2");
            Assert.Contains("Hans Huber", k2.CanonicalJson, StringComparison.Ordinal);
        }
        // The server ends the copy's backend just after the client closed it: gone within a few seconds.
        var closed = Stopwatch.StartNew();
        long open;
        while ((open = await ScalarAsync(connection,
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{PostgreSqlStorageSource.ApplicationName}' AND datname = current_database()")) > 0
            && closed.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        Assert.Equal(0L, open);
    }

    [PostgresFact]
    public async Task A_host_keeps_answering_turns_while_simulate_runs_on_its_database()
    {
        var (pg, connection) = await PostgreSqlConfigAsync();
        await ImportAsync(pg);
        using var host = new BotHost(new()
        {
            ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = connection, ["Scheduling:Enabled"] = "false",
            // As many turns as the simulation lasts, in one conversation.
            ["WebChat:PerConversation:PermitLimit"] = "100000",
        });
        var client = host.Client();
        await client.StartAsync();
        string[] planned = ["debtors", "invoices", "cases", "agreements", "escalations", "outbox"];
        var before = await FingerprintAsync(connection, planned);

        var simulation = Task.Run(() => RunAsync(new SimulateVerb(), "--days", "365", "--today", "2026-11-27", "--config", pg));
        var turns = 0;
        do
        {
            var watch = Stopwatch.StartNew();
            await client.SayAsync("Hallo").WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"a turn took {watch.Elapsed}");
            turns++;
        }
        while (!simulation.IsCompleted);
        var simulated = await simulation;

        Assert.True(simulated.Exit == 0, simulated.Error);
        Assert.True(turns >= 1);
        Assert.Equal(before, await FingerprintAsync(connection, planned));
    }

    [PostgresFact]
    public async Task Malformed_options_and_an_unusable_database_are_refused_clearly_and_change_nothing()
    {
        var (pg, connection) = await PostgreSqlConfigAsync();
        await ImportAsync(pg);
        var before = await FingerprintAsync(connection);

        var days = await RunAsync(new SimulateVerb(), "--days", "abc", "--config", pg);
        var unknown = await RunAsync(new SweepVerb(), "--dry-run", "--frobnicate", "--config", pg);
        var malformed = await RunAsync(new SimulateVerb(), "--config", Config("bad.json", PostgreSqlSettings("Host=")));
        var unreachable = await RunAsync(new SweepVerb(), "--dry-run", "--config", Config("closed.json", PostgreSqlSettings($"Host=127.0.0.1;Port={ClosedPort()};Username=x;Timeout=3")));
        var empty = await RunAsync(new SweepVerb(), "--dry-run", "--config", Config("empty.json", PostgreSqlSettings(await server.CreateDatabaseAsync())));

        Assert.Equal(2, days.Exit);
        Assert.Contains("usage: simulate", days.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("usage: sweep", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, malformed.Exit);
        Assert.Contains("simulate: Storage:ConnectionString cannot be used: it names no Host. Nothing was changed.", malformed.Error, StringComparison.Ordinal);
        Assert.Equal(1, unreachable.Exit);
        Assert.Contains("sweep: cannot copy the data from PostgreSQL: PostgreSQL at 127.0.0.1:", unreachable.Error, StringComparison.Ordinal);
        Assert.Equal(1, empty.Exit);
        Assert.Contains("holds no Dunning.Bot schema yet", empty.Error, StringComparison.Ordinal);
        Assert.All([days, unknown, malformed, unreachable, empty], r => Assert.Equal("", r.Output));
        Assert.Equal(before, await FingerprintAsync(connection));
    }

    /// <summary>
    /// Every table of the database (or the named ones): its row count and an MD5 over its rows in text form, sorted — and
    /// every sequence's last value (a nextval is never rolled back); with tables named, only those.
    /// </summary>
    private static async Task<string> FingerprintAsync(string connection, params string[] only)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", open))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        Assert.Contains("debtors", tables);
        var lines = new List<string>();
        foreach (var table in only.Length > 0 ? only : [.. tables])
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*)::text || ' ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-') FROM \"{table}\" t", open);
            lines.Add($"{table}: {await command.ExecuteScalarAsync()}");
        }
        if (only.Length > 0)
            return string.Join("\n", lines);
        await using (var sequences = new NpgsqlCommand(
            "SELECT coalesce(string_agg(sequencename || '=' || coalesce(last_value::text, '-'), ', ' ORDER BY sequencename), '') FROM pg_sequences", open))
            lines.Add($"sequences: {await sequences.ExecuteScalarAsync()}");
        return string.Join("\n", lines);
    }

    /// <summary>
    /// The invoices, and through the ports the same bound web chat of K3 and an escalation of K2 (raised the day after
    /// the simulations start), on each storage of <paramref name="configs"/>.
    /// </summary>
    private async Task ImportAsync(params string[] configs)
    {
        var csv = Write("invoices.csv", Invoices);
        foreach (var config in configs)
        {
            var import = await RunAsync(new ImportVerb(), csv, "--config", config);
            Assert.True(import.Exit == 0, import.Error);
            using var host = DunningServices.ForVerb(DunningConfiguration.ForVerb(VerbLine.ConfigArguments(config)), _ => { });
            var link = new ConversationLink
            {
                Key = ConversationLink.KeyFor(ChannelKind.WebChat, "chat-K3"),
                Channel = ChannelKind.WebChat,
                Reference = new ConversationReference { ChannelId = ChannelKind.WebChat, Conversation = new ConversationAccount { Id = "chat-K3" } },
                Language = "de",
            };
            link.LinkTo("K3", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
            await host.Services.GetRequiredService<IConversationStore>().SaveAsync(link, CancellationToken.None);
            await host.Services.GetRequiredService<IEscalationStore>().SaveAsync(new Escalation
            {
                Id = "E-K2", DebtorId = "K2", Reason = EscalationReason.Dispute, Priority = EscalationPriority.High, InvoiceNumbers = ["RE-2"],
                RaisedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), RespondBy = new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero),
            }, CancellationToken.None);
        }
    }

    private async Task<(string Config, string Connection)> PostgreSqlConfigAsync()
    {
        var connection = await server.CreateDatabaseAsync();
        return (Config("pg.json", PostgreSqlSettings(connection)), connection);
    }

    private string LiteDbConfig() => Config("lite.json", Settings(new { Path = Path.Combine(folder.FullName, "lite.db") }));

    private Dictionary<string, object> PostgreSqlSettings(string connection) =>
        Settings(new { Provider = "PostgreSql", ConnectionString = connection, Path = Path.Combine(folder.FullName, "unused.db") });

    /// <summary>
    /// The same settings on both providers: e-mail on, owner alerts by e-mail too (to a sink that must see no
    /// connection), contact any time.
    /// </summary>
    private Dictionary<string, object> Settings(object storage) => new()
    {
        ["Storage"] = storage,
        ["Bot"] = new { PublicBaseUrl = "https://pay.example.org" },
        ["Email"] = new
        {
            Enabled = true, From = "mahnung@example.org", MaxPerMinute = 0,
            Smtp = new { Host = "127.0.0.1", Port = ((IPEndPoint)smtp.LocalEndpoint).Port, Security = "None" },
            OwnerAlerts = new { To = "owner@example.org", Language = "en" },
        },
        ["Dunning"] = new { Contact = new { WindowStart = "00:00", WindowEnd = "23:59", NoSundays = false, NoPublicHolidays = false } },
    };

    private string Config(string name, Dictionary<string, object> settings) => Write(name, JsonSerializer.Serialize(settings));

    private static async Task<(int Exit, string Output, string Error)> RunAsync(ICliVerb verb, params string[] args)
    {
        using StringWriter output = new(), error = new();
        var exit = await verb.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A listener that accepts nothing: any SMTP connection attempt shows as pending.</summary>
    private static TcpListener StartSmtpSink()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task<long> ScalarAsync(string connection, string sql)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        smtp.Stop();
        smtp.Dispose();
        folder.Delete(recursive: true);
    }
}
