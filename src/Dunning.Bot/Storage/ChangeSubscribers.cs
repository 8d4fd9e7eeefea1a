namespace Dunning.Bot.Storage;

/// <summary>
/// The subscribers of one host's <see cref="IChangeNotifications"/> by topic, and the delivery to them: each handler is
/// called in turn; one that throws is logged and never keeps the others from their notice.
/// </summary>
internal sealed partial class ChangeSubscribers(ILogger logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<Action<ChangeNotice>>> byTopic = new(StringComparer.Ordinal);

    public IDisposable Add(string topic, Action<ChangeNotice> onChange)
    {
        ChangeNotice.Check(topic, "");
        ArgumentNullException.ThrowIfNull(onChange);
        lock (gate)
        {
            if (!byTopic.TryGetValue(topic, out var handlers))
                byTopic[topic] = handlers = [];
            handlers.Add(onChange);
        }
        return new Subscription(this, topic, onChange);
    }

    /// <summary>Hands <paramref name="notice"/> to every subscriber of its topic.</summary>
    public void Deliver(ChangeNotice notice)
    {
        Action<ChangeNotice>[] handlers;
        lock (gate)
        {
            if (!byTopic.TryGetValue(notice.Topic, out var list))
                return;
            handlers = [.. list];
        }
        foreach (var handler in handlers)
        {
            try
            {
                handler(notice);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(logger, ex, notice.Topic);
            }
        }
    }

    /// <summary>Tells the subscribers of every topic that notices may have been missed.</summary>
    public void DeliverMissed()
    {
        string[] topics;
        lock (gate)
            topics = [.. byTopic.Keys];
        foreach (var topic in topics)
            Deliver(ChangeNotice.Missed(topic));
    }

    private void Remove(string topic, Action<ChangeNotice> onChange)
    {
        lock (gate)
        {
            if (byTopic.TryGetValue(topic, out var handlers) && handlers.Remove(onChange) && handlers.Count == 0)
                byTopic.Remove(topic);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of change notices on {Topic} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string topic);

    private sealed class Subscription(ChangeSubscribers owner, string topic, Action<ChangeNotice> onChange) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                owner.Remove(topic, onChange);
        }
    }
}
