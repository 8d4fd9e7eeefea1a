using System.Threading.RateLimiting;

namespace Dunning.Bot.Hosting.Coordination;

/// <summary>
/// <see cref="ISendBudget"/> in the process: one <see cref="ConcurrencyLimiter"/> per bucket whose permits return one
/// window (plus <see cref="Allowance"/>) after the send was answered. First come, first served; a bucket keeps the
/// permit count it was first asked with.
/// </summary>
/// <remarks>
/// Timers may fire a few milliseconds early against the wall clock the far side uses (coarse monotonic ticks), so
/// permits return <see cref="Allowance"/> later still. The price: a sustained N / (window + allowance + latency), 29 a
/// second for Telegram's 30 on a local network.
/// </remarks>
public sealed class LocalSendBudget(TimeProvider clock) : ISendBudget, IAsyncDisposable
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

    public async ValueTask<IAsyncDisposable> EnterAsync(SendLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var lease = await _limiters.AcquireAsync(limit, 1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException($"The send queue of {limit.Bucket} refused a message.");
        }
        return new Permit(lease, limit.Window + Allowance, clock);
    }

    public ValueTask DisposeAsync() => _limiters.DisposeAsync();

    private sealed class Permit(RateLimitLease lease, TimeSpan returnAfter, TimeProvider clock) : IAsyncDisposable
    {
        private int _returned;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
                _ = ReturnLaterAsync();
            return ValueTask.CompletedTask;
        }

        private async Task ReturnLaterAsync()
        {
            try
            {
                await Task.Delay(returnAfter, clock).ConfigureAwait(false);
            }
            finally
            {
                lease.Dispose();
            }
        }
    }
}
