using System.Diagnostics;
using System.Globalization;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>
/// Issue 20's proof that the outbox's leases hold across hosts: 10,000 debtors are due on one PostgreSQL database; the
/// sweep of the clustered schedule plans their reminders and the three hosts' dispatchers send them by e-mail into an
/// SMTP sink. After a fifth of them arrived, the host that is sending is killed with SIGKILL. Every reminder arrives, only
/// the batch that host had leased may arrive twice, those entries go again only once their lease has run out, and the
/// outbox ends with nothing open.
/// </summary>
[Collection(PostgresDispatchCollection.Name)]
public sealed class Three_hosts_dispatch_every_reminder_through_a_sigkill(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Reminders = 10_000;
    private const int KillAfter = Reminders / 5;
    private const int BatchSize = 100;
    // Short, but longer than a host may stall on a loaded two-core box: a lease that runs out under a live holder is
    // another (legitimate) repeat, which would blur the bound this test is about. Quartz's failover takes ~20 s anyway.
    private const int LeaseSeconds = 15;
    /// <summary>
    /// The longest wait for one step: a hang guard for a small, shared machine, not a benchmark. Quiet, all 10,000 arrive
    /// ~90 s after the kill; beside the other long classes at the start of a CI run, ~190 s.
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(480);

    private ThreeHosts cluster = null!;

    public async Task InitializeAsync() => cluster = await ThreeHosts.CreateAsync(server);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [PostgresFact]
    public async Task Every_reminder_arrives_and_only_the_killed_hosts_leased_batch_may_arrive_twice_after_its_lease()
    {
        var watch = Stopwatch.StartNew();
        var ids = await cluster.SeedDueDebtorsAsync(Reminders);
        var seeded = watch.Elapsed;
        await cluster.StartAsync(new Dictionary<string, string>
        {
            ["Scheduling:SweepCron"] = "0/5 * * * * ?",
            ["Scheduling:DispatchIntervalSeconds"] = "1",
            ["Scheduling:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
            ["Scheduling:LeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
            ["Scheduling:RateLimits:email:Permits"] = "100000",
        });
        var started = watch.Elapsed;

        await WaitUntilAsync(() => cluster.Sink.Received >= KillAfter, "the first deliveries");
        var victim = SendingNow();
        cluster.Kill(victim);
        var killedAt = TimeProvider.System.GetUtcNow();
        var deliveredAtKill = cluster.Sink.Messages.Count;
        var outbox = new PostgreSqlOutbox(cluster.Database);
        var atKill = (await outbox.ListByDebtorsAsync([.. ids], CancellationToken.None)).Where(e => e.Status == OutboxStatus.Sending)
            .ToDictionary(e => e.Key, StringComparer.Ordinal);

        // Counting recipients groups every message so far: only once enough have arrived.
        await WaitUntilAsync(() => cluster.Sink.Received >= Reminders && Recipients().Count == Reminders, "a reminder to every debtor", exceptHost: victim);
        var allArrived = watch.Elapsed;
        // A stray repeat (a lease taken twice, a stage planned twice) would show up within one more lease.
        await QuietForAsync(TimeSpan.FromSeconds(LeaseSeconds + 1), victim);

        var messages = cluster.Sink.Messages;
        var perRecipient = Recipients();
        var entries = await outbox.ListByDebtorsAsync([.. ids], CancellationToken.None);
        var takenOver = entries.Where(e => atKill.TryGetValue(e.Key, out var leased) && e.Attempts > leased.Attempts).ToList();
        var repeated = perRecipient.Where(r => r.Value > 1).Select(r => r.Key).ToList();
        var resumed = messages.Where(m => m.At > killedAt).Min(m => m.At) - killedAt;
        output.WriteLine($"seeded {Reminders} in {seeded.TotalSeconds:0.0} s, hosts listening at {started.TotalSeconds:0.0} s, " +
            $"all arrived at {allArrived.TotalSeconds:0.0} s; killed host {victim} after {deliveredAtKill} deliveries; " +
            $"first delivery after the kill: {resumed.TotalSeconds:0.0} s, leased at the kill: {atKill.Count}, taken over: {takenOver.Count}, repeated: {repeated.Count}; per host: " +
            string.Join(", ", messages.GroupBy(m => m.From).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));

        Assert.Equal(ids.Select(ThreeHosts.AddressOf).Order(StringComparer.Ordinal), perRecipient.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(deliveredAtKill, KillAfter, Reminders - 1);
        // The killed host held one leased batch: at most BatchSize entries were in flight on it, and only those repeat.
        Assert.NotEmpty(takenOver);
        Assert.InRange(takenOver.Count, 1, BatchSize);
        Assert.True(messages.Count - Reminders <= BatchSize, $"{messages.Count - Reminders} duplicates, more than one leased batch ({BatchSize})");
        var takenOverAddresses = takenOver.Select(e => ThreeHosts.AddressOf(e.DebtorId)).ToHashSet(StringComparer.Ordinal);
        Assert.All(repeated, address => Assert.Contains(address, takenOverAddresses));
        // Taken over only once the dead host's lease ran out, by a host still alive.
        foreach (var entry in takenOver)
        {
            var resent = messages.Where(m => m.At > killedAt && m.To.Contains(ThreeHosts.AddressOf(entry.DebtorId))).ToList();
            var sent = Assert.Single(resent);
            Assert.True(sent.At >= atKill[entry.Key].LeaseUntil, $"{entry.Key} went again at {sent.At:O}, before its lease ended at {atKill[entry.Key].LeaseUntil:O}");
            Assert.NotEqual(ThreeHosts.SenderOf(victim), sent.From);
        }
        Assert.Equal(Reminders, entries.Count);
        Assert.All(entries, e => Assert.Equal(OutboxStatus.Sent, e.Status));
        Assert.Equal(0, await outbox.CountOpenAsync(CancellationToken.None));
    }

    /// <summary>The host that sent most of the last twenty messages: the one dispatching right now.</summary>
    private int SendingNow()
    {
        var recent = cluster.Sink.Messages.TakeLast(20).GroupBy(m => m.From).MaxBy(g => g.Count())!.Key;
        return Enumerable.Range(0, ThreeHosts.Count).Single(i => ThreeHosts.SenderOf(i) == recent);
    }

    /// <summary>Messages per recipient address.</summary>
    private Dictionary<string, int> Recipients() => cluster.Sink.Messages.SelectMany(m => m.To)
        .GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private async Task WaitUntilAsync(Func<bool> condition, string what, int? exceptHost = null)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            var dead = cluster.Hosts.Where((h, i) => i != exceptHost && h.HasExited).ToList();
            if (dead.Count > 0 || waited.Elapsed > Bound)
                Assert.Fail($"{(dead.Count > 0 ? "A host exited" : "Timed out")} waiting for {what} ({cluster.Sink.Received} delivered):{System.Environment.NewLine}{cluster.Output()}");
            await Task.Delay(20);
        }
    }

    private async Task QuietForAsync(TimeSpan quiet, int exceptHost)
    {
        var count = cluster.Sink.Received;
        var since = Stopwatch.StartNew();
        await WaitUntilAsync(() =>
        {
            if (cluster.Sink.Received != count)
                (count, since) = (cluster.Sink.Received, Stopwatch.StartNew());
            return since.Elapsed >= quiet;
        }, "the sink to go quiet", exceptHost);
    }
}
