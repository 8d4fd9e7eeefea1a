using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Fakes.Smtp;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>
/// Three real host processes (<see cref="HostProcess"/>) on one PostgreSQL database of the private test cluster, each on
/// its own loopback port with its own LiteDB file for what is not yet on PostgreSQL, Quartz clustered, and the e-mail
/// channel pointed at one <see cref="SmtpSink"/>. Host <c>i</c> sends as <c>host-i@dunning.test</c>, so the sink tells
/// which host sent a message. Dispose kills every process that still runs.
/// </summary>
internal sealed class ThreeHosts : IAsyncDisposable
{
    public const int Count = 3;
    /// <summary>How long a host may take to listen; generous, since three start at once on a small, shared machine.</summary>
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(180);

    private readonly List<string> folders = [];
    private readonly List<HostProcess> hosts = [];

    private ThreeHosts(string connectionString, SmtpSink sink, PostgreSqlDatabase database)
    {
        ConnectionString = connectionString;
        Sink = sink;
        Database = database;
    }

    public string ConnectionString { get; }

    public SmtpSink Sink { get; }

    /// <summary>The database as the tests see it (migrated before any host starts), for seeding and inspecting.</summary>
    public PostgreSqlDatabase Database { get; }

    /// <summary>The started hosts, by index (the three, then any started by <see cref="StartAnother"/>).</summary>
    public IReadOnlyList<HostProcess> Hosts => hosts;

    /// <summary>A new database on <paramref name="server"/>, migrated, and a running sink; no host runs yet.</summary>
    public static async Task<ThreeHosts> CreateAsync(PostgresServer server)
    {
        var connection = await server.CreateDatabaseAsync();
        var database = new PostgreSqlDatabase(connection);
        await database.MigrateAsync(CancellationToken.None);
        var sink = new SmtpSink();
        sink.Start();
        return new ThreeHosts(connection, sink, database);
    }

    /// <summary>The sender address of host <paramref name="index"/>.</summary>
    public static string SenderOf(int index) => $"host-{index}@dunning.test";

    /// <summary>Starts the three hosts at once with <paramref name="settings"/> (configuration keys with ':') and waits until each listens.</summary>
    public Task StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        Start(settings);
        return WaitUntilListeningAsync();
    }

    /// <summary>Starts the three hosts (indexes 0–2) at once with <paramref name="settings"/>; does not wait.</summary>
    public void Start(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        for (var i = 0; i < Count; i++)
            hosts.Add(HostProcess.Start(Environment(hosts.Count, settings)));
    }

    /// <summary>One more host with <paramref name="settings"/> on top of the three's (e.g. another storage); does not wait.</summary>
    public HostProcess StartAnother(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var host = HostProcess.Start(Environment(hosts.Count, settings));
        hosts.Add(host);
        return host;
    }

    /// <summary>Waits until every started host listens.</summary>
    public Task WaitUntilListeningAsync() => Task.WhenAll(Hosts.Select(h => h.WaitUntilListeningAsync(StartBound)));

    /// <summary>SIGKILL to host <paramref name="index"/>.</summary>
    public void Kill(int index) => Hosts[index].Kill();

    /// <summary>Every host's output, for a failure message.</summary>
    public string Output() => string.Join(System.Environment.NewLine, hosts.Select((h, i) => $"--- host {i} ---{System.Environment.NewLine}{h.Output}"));

    /// <summary>
    /// <paramref name="count"/> debtors <c>T00001</c>… with e-mail address <c>t00001@debtors.test</c>…, each with one
    /// invoice ten days overdue and a case due now, written with the product's PostgreSQL stores. Their zone puts the
    /// local time near noon, inside the default contact hours. Returns the debtor ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedDueDebtorsAsync(int count)
    {
        var now = TimeProvider.System.GetUtcNow();
        var zone = NoonZone.At(now);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        var store = new PostgreSqlInvoiceStore(Database);
        var ids = Enumerable.Range(1, count).Select(i => $"T{i:00000}").ToList();
        foreach (var chunk in ids.Chunk(2_000))
        {
            var debtors = chunk.Select(id => new Debtor
            {
                Id = id, Name = "Kundin " + id, Language = "de", TimeZone = zone, Email = AddressOf(id), AccessCode = "AC" + id, LinkToken = "LT" + id,
            }).ToList();
            var invoices = chunk.Select((id, n) => Invoice.Create("RE-" + id, id, today.AddDays(-24), today.AddDays(-10), "EUR", 100m + n)).ToList();
            var cases = chunk.Select(id => new DunningCase { DebtorId = id, NextActionAt = now }).ToList();
            await store.SaveBatchAsync(debtors, invoices, cases, CancellationToken.None);
        }
        return ids;
    }

    /// <summary>The e-mail address of a debtor seeded by <see cref="SeedDueDebtorsAsync"/>.</summary>
    public static string AddressOf(string debtorId) => debtorId.ToLowerInvariant() + "@debtors.test";

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
            host.Dispose();
        hosts.Clear();
        await Sink.DisposeAsync();
        await Database.DisposeAsync();
        foreach (var folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file a killed process held; the temp folder is cleaned by the OS.
            }
        }
    }

    private Dictionary<string, string> Environment(int index, IReadOnlyDictionary<string, string> settings)
    {
        var folder = Directory.CreateTempSubdirectory($"dunning-host{index}-").FullName;
        folders.Add(folder);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = ConnectionString,
            ["Storage:Path"] = Path.Combine(folder, "dunning.db"),
            ["Bot:SeedDemoData"] = "false",
            ["Telegram:Token"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging:LogLevel:Dunning.Bot.Scheduling.SweepJob"] = "Information",
            ["Email:Enabled"] = "true",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = $"Host {index} <{SenderOf(index)}>",
            ["Email:MaxPerMinute"] = "0",
            ["Dunning:Contact:NoSundays"] = "false",
            ["Dunning:Contact:NoPublicHolidays"] = "false",
        };
        foreach (var (key, value) in settings)
            environment[key] = value;
        // Environment variables name configuration keys with "__" for ":".
        return environment.ToDictionary(e => e.Key.Replace(":", "__", StringComparison.Ordinal), e => e.Value);
    }
}
