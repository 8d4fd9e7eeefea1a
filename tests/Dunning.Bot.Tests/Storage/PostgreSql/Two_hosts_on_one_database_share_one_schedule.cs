using System.Collections.Concurrent;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// Quartz clustered on PostgreSQL: two hosts on one database keep one schedule in its tables, and each firing of a
/// trigger runs on one of them — never on both.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Two_hosts_on_one_database_share_one_schedule(PostgresServer server)
{
    [PostgresFact]
    public async Task Each_dispatch_firing_runs_on_one_host_only()
    {
        var connection = await server.CreateDatabaseAsync();
        var fired = new ConcurrentBag<(string Host, JobKey Job, DateTimeOffset Scheduled)>();
        using var first = Host("a", connection, fired);
        using var second = Host("b", connection, fired);
        _ = first.BaseAddress;
        _ = second.BaseAddress;
        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var meta = await scheduler.GetMetadata();
        Assert.True(meta.JobStoreClustered);
        Assert.True(meta.JobStorePersistent);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (fired.Count(f => f.Job.Equals(DispatchJob.Key)) < 8 && waited.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(200);

        var dispatches = fired.Where(f => f.Job.Equals(DispatchJob.Key)).ToList();
        Assert.True(dispatches.Count >= 8, $"only {dispatches.Count} dispatches fired within 60 s");
        Assert.Equal(dispatches.Count, dispatches.Select(d => d.Scheduled).Distinct().Count());
        // Every job (the start-up sweeps too): no firing ran on both hosts.
        var all = fired.ToList();
        Assert.Equal(all.Count, all.Select(f => (f.Job, f.Scheduled)).Distinct().Count());
        Assert.Contains(all, f => f.Job.Equals(SweepJob.Key));
    }

    private static BotHost Host(string name, string connection, ConcurrentBag<(string Host, JobKey Job, DateTimeOffset Scheduled)> fired) =>
        new(new()
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = connection,
            ["Scheduling:DispatchIntervalSeconds"] = "1",
        }, services: s => s.AddQuartz(q => q.AddJobListener(new FiredTriggers(name, fired))));
}
