using Quartz;

namespace Dunning.Bot.Scheduling;

/// <summary>Wakes the outbox dispatcher.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("dunning-dispatch", "dunning");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
    }
}
