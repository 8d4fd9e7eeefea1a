using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Scheduling;

/// <summary>One token bucket per channel id, from <see cref="SchedulingOptions.RateLimits"/>; shared by all dispatch runs.</summary>
public sealed class ChannelRateLimiters(IOptions<SchedulingOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, RateLimiter> limiters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a permit to send on <paramref name="channel"/>; false when none came within <paramref name="patience"/>.</summary>
    public async Task<bool> WaitAsync(string channel, TimeSpan patience, CancellationToken cancellationToken)
    {
        var limiter = limiters.GetOrAdd(channel, Create);
        using var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
            return true;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience);
        try
        {
            using var waited = await limiter.AcquireAsync(1, timeout.Token).ConfigureAwait(false);
            return waited.IsAcquired;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
            limiter.Dispose();
    }

    private RateLimiter Create(string channel)
    {
        var limit = options.Value.RateLimitFor(channel);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Permits,
            TokensPerPeriod = limit.Permits,
            ReplenishmentPeriod = TimeSpan.FromSeconds(limit.PerSeconds),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
