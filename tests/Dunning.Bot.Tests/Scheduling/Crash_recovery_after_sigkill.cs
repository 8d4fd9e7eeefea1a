using System.Diagnostics;
using System.Globalization;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Fakes.BotFramework;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Tests.Storage;
using Xunit.Abstractions;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>
/// The outbox's crash guarantee end to end: the real host runs as a separate process, sends reminders over the Teams
/// protocol to a slow fake Bot Connector on loopback, is killed with SIGKILL in the middle of a batch and restarted on
/// the same LiteDB file. Every debtor gets the reminder; only messages that were leased (in flight) at the kill may
/// arrive twice.
/// </summary>
public sealed class Crash_recovery_after_sigkill(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Debtors = 60;
    private const int BatchSize = 20;
    private const int LeaseSeconds = 5;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly TempDatabase database = new();
    private FakeBotConnector connector = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync();
        connector.Delay = TimeSpan.FromMilliseconds(150);
    }

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
        database.Dispose();
    }

    [LiteDbOnlyFact("a host process on its LiteDB file, read back through LiteDB after the kill; on PostgreSQL see Three_hosts_dispatch_every_reminder_through_a_sigkill")]
    public async Task A_host_killed_mid_batch_loses_no_reminder_and_repeats_only_the_messages_in_flight()
    {
        var ids = await SeedAsync();
        var clock = Stopwatch.StartNew();
        HashSet<string> inFlight;
        int deliveredAtKill;

        using (var first = HostProcess.Start(Environment()))
        {
            // The kill lands inside the second batch: some entries are sent, some leased, some never touched.
            await WaitUntilAsync(first, () => DeliveriesPerDebtor().Values.Sum() >= BatchSize + 5, "the first deliveries");
            first.Kill();
            deliveredAtKill = DeliveriesPerDebtor().Values.Sum();
        }

        var atKill = await OutboxAsync(ids);
        inFlight = [.. atKill.Where(e => e.Status == OutboxStatus.Sending).Select(e => e.DebtorId)];
        Assert.Equal(Debtors, atKill.Count);
        Assert.InRange(deliveredAtKill, 1, Debtors - 1);
        Assert.NotEmpty(inFlight);
        Assert.InRange(inFlight.Count, 1, BatchSize);
        Assert.Contains(atKill, e => e.Status == OutboxStatus.Pending);

        using (var second = HostProcess.Start(Environment()))
        {
            await WaitUntilAsync(second, () => DeliveriesPerDebtor().Count == Debtors, "a delivery to every debtor");
            // A stray repeat (an expired lease taken again, a stage planned twice) would show up within one more lease.
            await QuietForAsync(second, TimeSpan.FromSeconds(LeaseSeconds + 1));
            second.Kill();
        }

        var deliveries = DeliveriesPerDebtor();
        Assert.Equal(ids.Order(StringComparer.Ordinal), deliveries.Keys.Order(StringComparer.Ordinal));
        Assert.All(deliveries, d => Assert.InRange(d.Value, 1, 2));
        var repeated = deliveries.Where(d => d.Value == 2).Select(d => d.Key).ToList();
        output.WriteLine($"delivered before the kill: {deliveredAtKill}, in flight (Sending) at the kill: {inFlight.Count}, " +
            $"repeated: {repeated.Count} [{string.Join(", ", repeated)}], total requests: {connector.Requests.Count}, elapsed: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(repeated.Count <= inFlight.Count, $"{repeated.Count} repeats, {inFlight.Count} in flight at the kill");
        Assert.All(repeated, debtor => Assert.Contains(debtor, inFlight));
        Assert.All(await OutboxAsync(ids), e => Assert.Equal(OutboxStatus.Sent, e.Status));
        Assert.All(connector.Requests, r => Assert.Equal(200, r.Status));
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Storage__Path"] = database.Path,
        ["Bot__SeedDemoData"] = "false",
        ["Telegram__Token"] = "",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Scheduling__SweepCron"] = "* * * * * ?",
        ["Scheduling__DispatchIntervalSeconds"] = "1",
        ["Scheduling__BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        ["Scheduling__LeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
        ["Scheduling__RateLimits__msteams__Permits"] = "50",
        ["Dunning__Contact__NoSundays"] = "false",
        ["Dunning__Contact__NoPublicHolidays"] = "false",
    };

    /// <summary>Reminders that reached the connector, per debtor (the conversation id is <c>a:conv-{debtor}</c>).</summary>
    private Dictionary<string, int> DeliveriesPerDebtor() => connector.Requests
        .Where(r => r.Method == "POST" && r.ConversationId is not null && r.ReplyToId is null && r.Status == 200)
        .GroupBy(r => r.ConversationId!["a:conv-".Length..], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>
    /// Debtors with an overdue invoice and a bound Teams chat on the fake connector, written with the product's own
    /// stores before the host starts. Each debtor's zone puts the local time near noon, inside the default 08:00–20:00.
    /// </summary>
    private async Task<List<string>> SeedAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        var zone = NoonZone.At(now);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        var serviceUrl = connector.ServiceUrl.ToString();
        using var context = new LiteDbContext(database.Options());
        var cases = new LiteCaseStore(context);
        var conversations = new LiteConversationStore(context);
        // Trusted as an authenticated activity from this serviceUrl would have made it (it survives the restart).
        new LiteTeamsStore(context).SaveTrustedServiceUrl(TrustedServiceUrls.Normalize(serviceUrl)!, now);

        var ids = Enumerable.Range(1, Debtors).Select(i => $"D{i:000}").ToList();
        var debtors = new List<Debtor>();
        var invoices = new List<Invoice>();
        foreach (var id in ids)
        {
            var debtor = new Debtor { Id = id, Name = "Kunde " + id, Language = "de", TimeZone = zone, AccessCode = "AC" + id, LinkToken = "LT" + id };
            debtor.Reach(ChannelKind.Teams, "a:conv-" + id);
            debtors.Add(debtor);
            invoices.Add(Invoice.Create("RE-" + id, id, today.AddDays(-24), today.AddDays(-10), "EUR", 100m + ids.IndexOf(id)));
        }
        await new LiteInvoiceStore(context).SaveBatchAsync(debtors, invoices, [], CancellationToken.None);
        foreach (var id in ids)
        {
            var link = new ConversationLink
            {
                Key = ConversationLink.KeyFor(ChannelKind.Teams, "a:conv-" + id),
                Channel = ChannelKind.Teams,
                Reference = new ConversationReference
                {
                    ChannelId = ChannelKind.Teams,
                    ServiceUrl = serviceUrl,
                    Bot = new ChannelAccount("28:dunning-bot", "Dunning"),
                    User = new ChannelAccount("29:user-" + id, "Kunde " + id),
                    Conversation = new ConversationAccount("a:conv-" + id, "personal"),
                },
                Language = "de",
                LastInboundAt = now.AddDays(-20),
            };
            link.LinkTo(id, now.AddDays(-20));
            await conversations.SaveAsync(link, CancellationToken.None);
            await cases.TouchAsync(id, now, CancellationToken.None);
        }
        return ids;
    }

    private async Task<List<OutboxEntry>> OutboxAsync(IEnumerable<string> ids)
    {
        using var context = new LiteDbContext(database.Options());
        var outbox = new LiteOutbox(context);
        var entries = new List<OutboxEntry>();
        foreach (var id in ids)
            entries.AddRange(await outbox.ListByDebtorAsync(id, CancellationToken.None));
        return entries;
    }

    private static async Task WaitUntilAsync(HostProcess host, Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (host.HasExited)
                Assert.Fail($"The host exited while waiting for {what}:{System.Environment.NewLine}{host.Output}");
            if (deadline.Elapsed > Bound)
                Assert.Fail($"Timed out waiting for {what}:{System.Environment.NewLine}{host.Output}");
            await Task.Delay(10);
        }
    }

    private async Task QuietForAsync(HostProcess host, TimeSpan quiet)
    {
        var count = connector.Requests.Count;
        var since = Stopwatch.StartNew();
        var deadline = Stopwatch.StartNew();
        while (since.Elapsed < quiet)
        {
            Assert.False(host.HasExited, host.Output);
            Assert.True(deadline.Elapsed < Bound, "the connector never went quiet");
            await Task.Delay(100);
            if (connector.Requests.Count != count)
                (count, since) = (connector.Requests.Count, Stopwatch.StartNew());
        }
    }
}
