using System.Diagnostics;
using System.Text.RegularExpressions;
using Dunning.Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>
/// Quartz clustered on the hosts' one PostgreSQL database: with a sweep every two seconds, each firing of the sweep
/// trigger runs on exactly one of the three hosts. Each host logs the firing it runs (trigger and scheduled time); a
/// fourth host on its own LiteDB file keeps its own schedule, so the same count over all four finds every firing twice —
/// the count shows a double run when there is one.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class Three_hosts_run_each_sweep_once_per_trigger(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const string CronTrigger = "dunning.dunning-sweep-cron";
    private const int Firings = 5;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    private ThreeHosts cluster = null!;

    public async Task InitializeAsync() => cluster = await ThreeHosts.CreateAsync(server);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [PostgresFact]
    public async Task Each_firing_of_the_sweep_runs_on_one_host_and_a_host_with_its_own_schedule_runs_it_again()
    {
        var settings = new Dictionary<string, string> { ["Scheduling:SweepCron"] = "0/2 * * * * ?", ["Scheduling:DispatchIntervalSeconds"] = "60" };
        cluster.Start(settings);
        var standalone = cluster.StartAnother(new Dictionary<string, string>(settings) { ["Storage:Provider"] = "LiteDb" });
        await cluster.WaitUntilListeningAsync();

        // Firings after every host listens, so each of the four could have taken each of them.
        var from = DateTimeOffset.MaxValue;
        var waited = Stopwatch.StartNew();
        while (Runs(standalone).Count(r => r.Scheduled > from) < Firings || Clustered().Select(r => r.Scheduled).Distinct().Count(s => s > from) < Firings)
        {
            if (from == DateTimeOffset.MaxValue)
                from = TimeProvider.System.GetUtcNow();
            Assert.False(waited.Elapsed > Bound || cluster.Hosts.Any(h => h.HasExited), $"fewer than {Firings} sweeps ran:{Environment.NewLine}{cluster.Output()}");
            await Task.Delay(200);
        }
        await Task.Delay(TimeSpan.FromSeconds(1));

        var clustered = Clustered().Where(r => r.Scheduled > from).ToList();
        var alone = Runs(standalone).Where(r => r.Scheduled > from && r.Scheduled <= clustered.Max(c => c.Scheduled)).ToList();
        output.WriteLine($"{clustered.Count} firings on the cluster, per host: " +
            string.Join(", ", clustered.GroupBy(r => r.Host).OrderBy(g => g.Key).Select(g => $"host {g.Key} {g.Count()}")) +
            $"; the standalone host ran {alone.Count} of them again");
        Assert.All(clustered.GroupBy(r => r.Scheduled), firing => Assert.Single(firing));
        Assert.True(clustered.Count >= Firings, $"{clustered.Count} firings");
        // The control: a host outside the cluster runs the same firings, and the count over all four sees them twice.
        var doubled = clustered.Select(r => r.Scheduled).Concat(alone.Select(r => r.Scheduled)).GroupBy(s => s).Count(firing => firing.Count() == 2);
        Assert.True(doubled >= 2, $"the count over all four hosts found {doubled} firings run twice");
    }

    /// <summary>The cron sweeps the three clustered hosts ran, each with the index of the host that ran it.</summary>
    private IEnumerable<(int Host, DateTimeOffset Scheduled)> Clustered() =>
        Enumerable.Range(0, ThreeHosts.Count).SelectMany(i => Runs(cluster.Hosts[i]).Select(r => (i, r.Scheduled)));

    /// <summary>The cron sweeps a host ran, by their scheduled fire time, from the line the sweep job logs.</summary>
    private static IEnumerable<(string Trigger, DateTimeOffset Scheduled)> Runs(HostProcess host) =>
        SweepLine().Matches(host.Output)
            .Select(m => (m.Groups["trigger"].Value, DateTimeOffset.Parse(m.Groups["scheduled"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .Where(r => r.Item1 == CronTrigger);

    [GeneratedRegex(@"Sweep for trigger (?<trigger>\S+) scheduled at (?<scheduled>\S+) runs on")]
    private static partial Regex SweepLine();
}
