using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>Collects the owner alerts (thread-safe).</summary>
public sealed class RecordingOwnerNotifier : IOwnerNotifier
{
    private readonly List<OwnerAlert> alerts = [];

    public IReadOnlyList<OwnerAlert> Alerts
    {
        get
        {
            lock (alerts)
                return [.. alerts];
        }
    }

    public Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        lock (alerts)
            alerts.Add(alert);
        return Task.CompletedTask;
    }
}
