using System.Collections.Concurrent;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The open Direct Line WebSocket streams, at most one per conversation (as the real service: a newer stream closes
/// the older one with the reason <c>collision</c>), and at most a configured number per client address (a cap, so one
/// address cannot hold thousands of sockets open). <see cref="Notify"/> wakes a conversation's stream after new
/// activities were committed to its log; the stream then reads them from the log from its watermark.
/// </summary>
public sealed class WebChatStreams
{
    private readonly ConcurrentDictionary<string, Session> open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> perClient = new(StringComparer.Ordinal);

    /// <summary>Streams open now (for tests and diagnostics).</summary>
    public int Count => open.Count;

    /// <summary>Tells the conversation's stream, if one is open, that its log has new activities.</summary>
    public void Notify(string conversationId)
    {
        if (open.TryGetValue(conversationId, out var session))
            session.Signal();
    }

    /// <summary>
    /// Registers a new stream for the conversation from <paramref name="client"/>, colliding out the one open before;
    /// null when that client already holds <paramref name="maxPerClient"/> streams (0: no cap).
    /// </summary>
    internal Session? TryOpen(string conversationId, string client, int maxPerClient)
    {
        lock (perClient)
        {
            var held = perClient.GetValueOrDefault(client);
            if (maxPerClient > 0 && held >= maxPerClient)
                return null;
            perClient[client] = held + 1;
        }
        var session = new Session(this, conversationId, client);
        open.AddOrUpdate(conversationId, session, (_, older) =>
        {
            older.Collide();
            return session;
        });
        return session;
    }

    private void Release(string client)
    {
        lock (perClient)
        {
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

        /// <summary>Completes at the next <see cref="Notify"/> after it was read.</summary>
        public Task Changed => Volatile.Read(ref changed).Task;

        /// <summary>Cancelled when a newer stream of the same conversation opened.</summary>
        public CancellationToken Collided => collided.Token;

        public void Signal() =>
            Interlocked.Exchange(ref changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public void Collide() => collided.Cancel();

        public void Dispose()
        {
            owner.open.TryRemove(new KeyValuePair<string, Session>(conversationId, this));
            owner.Release(client);
            collided.Dispose();
        }
    }
}
