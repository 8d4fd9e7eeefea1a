using System.Diagnostics;
using Dunning.Bot.Core.Telemetry;
using Quartz;

namespace Dunning.Bot.Scheduling;

/// <summary>Wakes the sweep (the database decides what is due), then asks the dispatcher to run at once.</summary>
[DisallowConcurrentExecution]
public sealed class SweepJob(ScheduleSweep sweep, ILogger<SweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("dunning-sweep", "dunning");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Which firing ran where: with several hosts on one clustered schedule, each firing must show up on one host only.
        logger.LogInformation("Sweep for trigger {Trigger} scheduled at {Scheduled:O} runs on scheduler instance {Instance}",
            context.Trigger.Key, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.Scheduler.SchedulerInstanceId);
        var started = Stopwatch.GetTimestamp();
        using (DunningMetrics.Traces.StartActivity("sweep"))
            await sweep.SweepAsync(cancellationToken).ConfigureAwait(false);
        DunningMetrics.SweepDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        await context.Scheduler.TriggerJob(DispatchJob.Key, new JobDataMap(), cancellationToken).ConfigureAwait(false);
    }
}
