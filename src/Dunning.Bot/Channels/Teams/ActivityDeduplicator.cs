using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Remembers recent inbound activity ids so that the connector's retry of a slow request (Teams retries after
/// 15 s) is answered without a second turn. Bounded by count and time; kept in memory because the retry comes
/// within seconds to the process that is still working on the first attempt — a write to LiteDB for every
/// message would cost more than the one duplicate a restart in that instant could let through.
/// </summary>
public sealed class ActivityDeduplicator
{
    private readonly Dictionary<string, LinkedListNode<(string Key, DateTimeOffset At)>> index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, DateTimeOffset At)> order = new();
    private readonly Lock sync = new();
    private readonly TimeProvider time;
    private readonly TimeSpan window;
    private readonly int capacity;

    public ActivityDeduplicator(IOptions<TeamsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        window = options.Value.DeduplicationWindow;
        capacity = options.Value.DeduplicationCapacity;
    }

    /// <summary>Ids remembered now (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (sync)
                return index.Count;
        }
    }

    /// <summary>
    /// True the first time an activity is seen within the window, false for a repeat. Activities without an id
    /// are always new (nothing to recognise them by).
    /// </summary>
    public bool TryRegister(string? channelId, string? conversationId, string? activityId)
    {
        if (string.IsNullOrEmpty(activityId))
            return true;
        var key = string.Concat(channelId, "\n", conversationId, "\n", activityId);
        var now = time.GetUtcNow();
        lock (sync)
        {
            while (order.First is { } oldest && (oldest.Value.At <= now - window || index.Count >= capacity))
            {
                index.Remove(oldest.Value.Key);
                order.RemoveFirst();
            }
            if (index.ContainsKey(key))
                return false;
            index.Add(key, order.AddLast((key, now)));
            return true;
        }
    }
}
