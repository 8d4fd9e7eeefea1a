using Dunning.Bot.Storage;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The open Direct Line WebSocket streams. A conversation may have several at once (two tabs, a phone and a laptop, our
/// page and Web Chat), each reading from its own watermark; past <c>maxPerConversation</c> the oldest is closed with the
/// reason <c>collision</c>, so a socket a vanished client left half-open never blocks a new one. At most a configured
/// number per client address (a cap, so one address cannot hold thousands of sockets open). <see cref="Notify"/> wakes
/// every stream of a conversation after new activities were committed to its log; each then reads them from the log.
/// </summary>
/// <remarks>
/// Several hosts: whoever appends to a log publishes the conversation id under <see cref="Topic"/>
/// (<see cref="IChangeNotifications"/>), and every host wakes its own streams of it — so a stream open on one host
/// gets the reply to a message posted on another. When notices may have been missed, every stream re-reads.
/// </remarks>
public sealed class WebChatStreams : IDisposable
{
    /// <summary>The change topic of web chat logs; the id is the conversation id.</summary>
    public const string Topic = "webchat";

    private readonly Dictionary<string, List<Session>> open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> perClient = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly IDisposable subscription;

    public WebChatStreams(IChangeNotifications changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        subscription = changes.Subscribe(Topic, notice =>
        {
            if (notice.Id is { } conversationId)
                Notify(conversationId);
            else
                NotifyAll();
        });
    }

    /// <summary>Streams open now, over all conversations (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (gate)
                return open.Values.Sum(list => list.Count);
        }
    }

    /// <summary>Streams of <paramref name="conversationId"/> open now.</summary>
    public int CountOf(string conversationId)
    {
        lock (gate)
            return open.TryGetValue(conversationId, out var list) ? list.Count : 0;
    }

    /// <summary>Tells every open stream of the conversation that its log has new activities.</summary>
    public void Notify(string conversationId)
    {
        Session[] sessions;
        lock (gate)
        {
            if (!open.TryGetValue(conversationId, out var list))
                return;
            sessions = [.. list];
        }
        foreach (var session in sessions)
            session.Signal();
    }

    /// <summary>Tells every open stream to re-read its log (notices may have been missed).</summary>
    public void NotifyAll()
    {
        Session[] sessions;
        lock (gate)
            sessions = [.. open.Values.SelectMany(list => list)];
        foreach (var session in sessions)
            session.Signal();
    }

    public void Dispose() => subscription.Dispose();

    /// <summary>
    /// Registers a new stream for the conversation from <paramref name="client"/>; when the conversation then has more than
    /// <paramref name="maxPerConversation"/>, the oldest collides out. Null when that client already holds
    /// <paramref name="maxPerClient"/> streams (0: no cap).
    /// </summary>
    internal Session? TryOpen(string conversationId, string client, int maxPerClient, int maxPerConversation)
    {
        Session? oldest = null;
        Session session;
        lock (gate)
        {
            var held = perClient.GetValueOrDefault(client);
            if (maxPerClient > 0 && held >= maxPerClient)
                return null;
            perClient[client] = held + 1;
            session = new Session(this, conversationId, client);
            if (!open.TryGetValue(conversationId, out var list))
                open[conversationId] = list = [];
            list.Add(session);
            if (list.Count > Math.Max(1, maxPerConversation))
            {
                oldest = list[0];
                list.RemoveAt(0);
            }
        }
        oldest?.Collide();
        return session;
    }

    private void Close(Session session, string conversationId, string client)
    {
        lock (gate)
        {
            if (open.TryGetValue(conversationId, out var list) && list.Remove(session) && list.Count == 0)
                open.Remove(conversationId);
            if (perClient.TryGetValue(client, out var held) && held > 1)
                perClient[client] = held - 1;
            else
                perClient.Remove(client);
        }
    }

    /// <summary>One open stream: a change signal that is taken before reading the log, so no commit is missed.</summary>
    internal sealed class Session(WebChatStreams owner, string conversationId, string client) : IDisposable
    {
        private readonly CancellationTokenSource collided = new();
        private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int disposed;

        /// <summary>Completes at the next <see cref="Notify"/> after it was read.</summary>
        public Task Changed => Volatile.Read(ref changed).Task;

        /// <summary>Cancelled when newer streams pushed this one past the conversation's limit.</summary>
        public CancellationToken Collided => collided.Token;

        public void Signal() =>
            Interlocked.Exchange(ref changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public void Collide()
        {
            try
            {
                collided.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream closed meanwhile.
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1)
                return;
            owner.Close(this, conversationId, client);
            collided.Dispose();
        }
    }
}
