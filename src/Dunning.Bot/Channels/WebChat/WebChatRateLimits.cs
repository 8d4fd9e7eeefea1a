using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The web chat's three fixed-window limits, partitioned by key: requests per IP address, conversation
/// starts per IP address, activities posted per conversation. A refused lease carries its Retry-After.
/// </summary>
public sealed class WebChatRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> perIp;
    private readonly PartitionedRateLimiter<string> startsPerIp;
    private readonly PartitionedRateLimiter<string> perConversation;

    public WebChatRateLimits(IOptions<WebChatOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        perIp = Create(options.Value.PerIp);
        startsPerIp = Create(options.Value.StartsPerIp);
        perConversation = Create(options.Value.PerConversation);
    }

    /// <summary>Null when allowed; otherwise how long to wait.</summary>
    public TimeSpan? Request(string ip) => Acquire(perIp, ip);

    public TimeSpan? Start(string ip) => Acquire(startsPerIp, ip);

    public TimeSpan? Post(string conversationId) => Acquire(perConversation, conversationId);

    public void Dispose()
    {
        perIp.Dispose();
        startsPerIp.Dispose();
        perConversation.Dispose();
    }

    private static TimeSpan? Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    private static PartitionedRateLimiter<string> Create(RateLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => limit.PermitLimit <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }), StringComparer.Ordinal);
}
