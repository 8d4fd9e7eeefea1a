using System.Collections.Concurrent;
using Quartz;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>A Quartz job listener that records, per host, every run of a job by the fire time its trigger was scheduled for.</summary>
internal sealed class FiredTriggers(string host, ConcurrentBag<(string Host, JobKey Job, DateTimeOffset Scheduled)> fired) : IJobListener
{
    public string Name => $"{nameof(FiredTriggers)}-{host}";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        fired.Add((host, context.JobDetail.Key, context.ScheduledFireTimeUtc ?? context.FireTimeUtc));
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
