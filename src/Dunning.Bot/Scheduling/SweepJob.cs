using System.Diagnostics;
using Dunning.Bot.Core.Telemetry;
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
        var started = Stopwatch.GetTimestamp();
        using (DunningMetrics.Traces.StartActivity("sweep"))
            await sweep.SweepAsync(cancellationToken).ConfigureAwait(false);
        DunningMetrics.SweepDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        await context.Scheduler.TriggerJob(DispatchJob.Key, new JobDataMap(), cancellationToken).ConfigureAwait(false);
    }
}
