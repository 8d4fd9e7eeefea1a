using Quartz;

namespace Dunning.Bot.Scheduling;

/// <summary>Wakes the sweep (the database decides what is due), then asks the dispatcher to run at once.</summary>
[DisallowConcurrentExecution]
public sealed class SweepJob(ScheduleSweep sweep) : IJob
{
    public static readonly JobKey Key = new("dunning-sweep", "dunning");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await sweep.SweepAsync(cancellationToken).ConfigureAwait(false);
        await context.Scheduler.TriggerJob(DispatchJob.Key, new JobDataMap(), cancellationToken).ConfigureAwait(false);
    }
}
