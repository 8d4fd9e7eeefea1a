using System.Threading.Channels;

namespace Dunning.Bot.Staff.Live;

/// <summary>
/// In-process fan-out of <see cref="ConsoleEvent"/>s to every open server-sent-events stream. Each subscriber has a
/// small bounded queue that drops its oldest events when a browser reads too slowly, so one stuck tab never holds up
/// the bot or other tabs. Publishing never blocks and never throws.
/// </summary>
public sealed class ConsoleBroadcaster
{
    private const int QueueLength = 256;
    private readonly Lock gate = new();
    private readonly List<Channel<ConsoleEvent>> subscribers = [];

    public int SubscriberCount
    {
        get
        {
            lock (gate)
                return subscribers.Count;
        }
    }

    public void Publish(ConsoleEvent item)
    {
        lock (gate)
        {
            foreach (var subscriber in subscribers)
                subscriber.Writer.TryWrite(item);
        }
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
}
