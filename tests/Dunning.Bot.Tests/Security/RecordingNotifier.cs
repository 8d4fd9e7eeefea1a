using System.Collections.Concurrent;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Tests.Security;

/// <summary>The owner notifier of a test host: keeps every alert.</summary>
internal sealed class RecordingNotifier : IOwnerNotifier
{
    public ConcurrentQueue<OwnerAlert> Alerts { get; } = new();

    public Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        Alerts.Enqueue(alert);
        return Task.CompletedTask;
    }
}
