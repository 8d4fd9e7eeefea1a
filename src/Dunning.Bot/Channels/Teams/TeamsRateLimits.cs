using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Teams' documented bot limits, kept on our side so the connector rarely answers 429: per bot and
/// conversation a token bucket (7 at once, then one every 2 s: within 8 per 2 s, 60 per 30 s and 1800 per hour),
/// and per tenant 50 requests per second.
/// </summary>
public sealed class TeamsRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> conversations;
    private readonly PartitionedRateLimiter<string> tenants;
    private readonly TimeSpan wait;

    public TeamsRateLimits(IOptions<TeamsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        wait = o.RateLimitWait;
        conversations = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.ConversationBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = o.ConversationReplenishmentPeriod,
            QueueLimit = 64,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
        tenants = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.TenantRequestsPerSecond,
            TokensPerPeriod = o.TenantRequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 1024,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
    }

    /// <summary>
    /// Takes a permit for one request to the conversation (and its tenant). When <paramref name="mayWait"/> the call
    /// queues up to <see cref="TeamsOptions.RateLimitWait"/>; otherwise it answers at once. Null when permitted,
    /// else how long to wait before trying again.
    /// </summary>
    public async Task<TimeSpan?> AcquireAsync(string serviceUrl, string conversationId, string? tenantId, bool mayWait, CancellationToken cancellationToken)
    {
        var conversation = string.Concat(serviceUrl, "|", conversationId);
        var tenant = string.Concat(serviceUrl, "|", tenantId ?? "-");
        foreach (var (limiter, key) in new[] { (conversations, conversation), (tenants, tenant) })
        {
            using var lease = mayWait ? await AcquireWaitingAsync(limiter, key, cancellationToken).ConfigureAwait(false) : limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        }
        return null;
    }

    private async Task<RateLimitLease> AcquireWaitingAsync(PartitionedRateLimiter<string> limiter, string key, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            return await limiter.AcquireAsync(key, 1, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return limiter.AttemptAcquire(key);
        }
    }

    public void Dispose()
    {
        conversations.Dispose();
        tenants.Dispose();
    }
}
