namespace Dunning.Bot.Conversations;

/// <summary>
/// One async lock per conversation key, so two turns of one conversation never run at once in this
/// process. Entries are reference-counted and removed when nobody holds or waits for them, so memory
/// is bounded by the number of conversations active at the same moment, not by all ever seen.
/// Waiters are served in arrival order (SemaphoreSlim queues waiters FIFO).
/// </summary>
public sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly AsyncLocal<string?> _held = new();

    /// <summary>Number of keys currently held or waited for (for tests and diagnostics).</summary>
    public int ActiveCount
    {
        get
        {
            lock (_entries)
                return _entries.Count;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> while holding the lock for <paramref name="key"/>. Re-entrant within
    /// one async flow (a turn that continues its own conversation does not deadlock).
    /// </summary>
    public async Task RunAsync<TState>(string key, TState state, Func<TState, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(action);
        if (string.Equals(_held.Value, key, StringComparison.Ordinal))
        {
            await action(state, cancellationToken);
            return;
        }

        var entry = Acquire(key);
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
            try
            {
                var previous = _held.Value;
                _held.Value = key;
                try
                {
                    await action(state, cancellationToken);
                }
                finally
                {
                    _held.Value = previous;
                }
            }
            finally
            {
                entry.Semaphore.Release();
            }
        }
        finally
        {
            Release(key, entry);
        }
    }

    private Entry Acquire(string key)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }
            entry.References++;
            return entry;
        }
    }

    private void Release(string key, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }
}
