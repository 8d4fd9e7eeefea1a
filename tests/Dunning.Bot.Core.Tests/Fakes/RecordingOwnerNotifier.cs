using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

public sealed class RecordingOwnerNotifier : IOwnerNotifier
{
    private readonly List<OwnerAlert> alerts = [];

    public IReadOnlyList<OwnerAlert> Alerts => alerts;

    public Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        alerts.Add(alert);
        return Task.CompletedTask;
    }
}
