using System.Threading.RateLimiting;

namespace Dunning.Bot.Hosting.Coordination;

/// <summary>
/// <see cref="ISendBudget"/> in the process: one <see cref="ConcurrencyLimiter"/> per bucket whose permits return one
/// window (plus <see cref="Allowance"/>) after the send was answered — with a <see cref="SendLimit.Spacing"/>, no sooner
/// than that after the bucket's previous one. First come, first served; a bucket keeps the permit count it was first
/// asked with.
/// </summary>
/// <remarks>
/// Timers may fire a few milliseconds early against the wall clock the far side uses (coarse monotonic ticks), so
/// permits return <see cref="Allowance"/> later still. The price: a sustained N / (window + allowance + latency), 29 a
/// second for Telegram's 30 on a local network.
/// </remarks>
public sealed class LocalSendBudget(TimeProvider clock) : ISendBudget, IAsyncDisposable, IDisposable
{
    /// <summary>Added to every window, covering timer granularity.</summary>
    public static readonly TimeSpan Allowance = TimeSpan.FromMilliseconds(15);

    private readonly PartitionedRateLimiter<SendLimit> _limiters = PartitionedRateLimiter.Create<SendLimit, string>(limit =>
        RateLimitPartition.GetConcurrencyLimiter(limit.Bucket, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = limit.Permits,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    /// <summary>Per spaced bucket, when its last returned permit frees; entries long past are dropped now and then.</summary>
    private readonly Dictionary<string, DateTimeOffset> _lastFree = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock;

    public async ValueTask<IAsyncDisposable> EnterAsync(SendLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var lease = await _limiters.AcquireAsync(limit, 1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException($"The send queue of {limit.Bucket} refused a message.");
        }
        return new Permit(this, lease, limit);
    }

    /// <summary>A free permit or none; without one the answer is to ask again in one window (the process does not
    /// track when a held permit will be answered).</summary>
    public ValueTask<SendAttempt> TryEnterAsync(SendLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var lease = _limiters.AttemptAcquire(limit, 1);
        if (lease.IsAcquired)
            return ValueTask.FromResult(SendAttempt.Taken(new Permit(this, lease, limit)));
        lease.Dispose();
        return ValueTask.FromResult(SendAttempt.Refused(limit.Window));
    }

    public ValueTask DisposeAsync() => _limiters.DisposeAsync();

    /// <summary>For containers disposed synchronously (command-line verbs, test worlds): the dispatcher resolves a budget
    /// on every host now, not only with Telegram or e-mail on.</summary>
    public void Dispose() => _limiters.Dispose();

    /// <summary>How long after now the permit of <paramref name="limit"/> returned now comes back.</summary>
    private TimeSpan ReturnAfter(SendLimit limit)
    {
        if (limit.Spacing <= TimeSpan.Zero)
            return limit.Window + Allowance;
        var now = _clock.GetUtcNow();
        lock (_lastFree)
        {
            var free = now + limit.Window;
            if (_lastFree.TryGetValue(limit.Bucket, out var last) && last + limit.Spacing > free)
                free = last + limit.Spacing;
            _lastFree[limit.Bucket] = free;
            if (_lastFree.Count > 1024)
            {
                foreach (var (bucket, _) in _lastFree.Where(e => e.Value < now).ToList())
                    _lastFree.Remove(bucket);
            }
            return free - now + Allowance;
        }
    }

    private sealed class Permit(LocalSendBudget budget, RateLimitLease lease, SendLimit limit) : IAsyncDisposable
    {
        private int _returned;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
                _ = ReturnLaterAsync(budget.ReturnAfter(limit));
            return ValueTask.CompletedTask;
        }

        private async Task ReturnLaterAsync(TimeSpan returnAfter)
        {
            try
            {
                await Task.Delay(returnAfter, budget._clock).ConfigureAwait(false);
            }
            finally
            {
                lease.Dispose();
            }
        }
    }
}
