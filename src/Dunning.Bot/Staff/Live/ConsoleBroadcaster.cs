using System.Text.Json;
using System.Threading.Channels;
using Dunning.Bot.Storage;

namespace Dunning.Bot.Staff.Live;

/// <summary>
/// Fan-out of <see cref="ConsoleEvent"/>s to every open server-sent-events stream. Each subscriber has a small bounded
/// queue that drops its oldest events when a browser reads too slowly, so one stuck tab never holds up the bot or other
/// tabs. <see cref="Publish"/> never blocks and never throws.
/// </summary>
/// <remarks>
/// Several hosts: <see cref="PublishAsync"/> also tells the other hosts (<see cref="IChangeNotifications"/>, topic
/// <c>console.{kind}</c>, the debtor's id), whose open pages get an event of the same kind carrying only
/// <c>{"debtorId":…}</c> and re-read the page. When notices may have been missed, every page gets a <c>case</c> event.
/// </remarks>
public sealed class ConsoleBroadcaster : IDisposable
{
    /// <summary>The event kinds that reach the other hosts' pages.</summary>
    public static readonly IReadOnlyList<string> SharedKinds = ["escalation", "conversation", "case"];

    private const int QueueLength = 256;
    private const string TopicPrefix = "console.";
    private readonly Lock gate = new();
    private readonly List<Channel<ConsoleEvent>> subscribers = [];
    private readonly IChangeNotifications changes;
    private readonly IDisposable[] subscriptions;

    public ConsoleBroadcaster(IChangeNotifications changes)
    {
        this.changes = changes ?? throw new ArgumentNullException(nameof(changes));
        subscriptions = [.. SharedKinds.Select(kind => changes.Subscribe(TopicPrefix + kind, notice => FromAnotherHost(kind, notice)))];
    }

    public int SubscriberCount
    {
        get
        {
            lock (gate)
                return subscribers.Count;
        }
    }

    /// <summary>Hands <paramref name="item"/> to this host's open pages only.</summary>
    public void Publish(ConsoleEvent item)
    {
        lock (gate)
        {
            foreach (var subscriber in subscribers)
                subscriber.Writer.TryWrite(item);
        }
    }

    /// <summary>
    /// Hands <paramref name="item"/> to this host's open pages at once and tells the other hosts' pages that the case of
    /// <paramref name="debtorId"/> changed (inside a turn on PostgreSQL: when the turn commits).
    /// </summary>
    public async Task PublishAsync(ConsoleEvent item, string? debtorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        Publish(item);
        if (SharedKinds.Contains(item.Kind))
            await changes.PublishAsync(TopicPrefix + item.Kind, debtorId ?? "", cancellationToken);
    }

    /// <summary>A reader of every event published from now on, until <paramref name="cancellationToken"/> ends it.</summary>
    public ChannelReader<ConsoleEvent> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ConsoleEvent>(new BoundedChannelOptions(QueueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
            subscribers.Add(channel);
        cancellationToken.Register(() =>
        {
            lock (gate)
                subscribers.Remove(channel);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    public void Dispose()
    {
        foreach (var subscription in subscriptions)
            subscription.Dispose();
    }

    /// <summary>This host's own notices were handed out when published; another host's become an event with its id only.</summary>
    private void FromAnotherHost(string kind, ChangeNotice notice)
    {
        if (notice.FromThisHost)
            return;
        Publish(notice.IsMissed
            ? new ConsoleEvent("case", "{}")
            : new ConsoleEvent(kind, JsonSerializer.Serialize(new { debtorId = notice.Id is "" ? null : notice.Id })));
    }
}
