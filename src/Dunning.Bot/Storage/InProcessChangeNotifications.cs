namespace Dunning.Bot.Storage;

/// <summary>
/// <see cref="IChangeNotifications"/> for one host (LiteDB): a notice goes straight to this process's subscribers. Call
/// it after the change is committed (the LiteDB unit of work has no hook for later).
/// </summary>
public sealed class InProcessChangeNotifications(ILogger<InProcessChangeNotifications> logger) : IChangeNotifications
{
    private readonly ChangeSubscribers subscribers = new(logger);

    public Task PublishAsync(string topic, string id, CancellationToken cancellationToken)
    {
        ChangeNotice.Check(topic, id);
        subscribers.Deliver(new ChangeNotice(topic, id, FromThisHost: true));
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string topic, Action<ChangeNotice> onChange) => subscribers.Add(topic, onChange);
}
