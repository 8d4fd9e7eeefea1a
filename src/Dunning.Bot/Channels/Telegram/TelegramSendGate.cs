using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Paces every message the bot sends so Telegram never has to answer 429: at most
/// <see cref="TelegramOptions.GlobalPerSecond"/> a second overall, <see cref="TelegramOptions.PerChatPerSecond"/>
/// a second per private chat, <see cref="TelegramOptions.PerGroupPerMinute"/> a minute per group. Callers wait
/// their turn (first come, first served) instead of being rejected.
/// </summary>
/// <remarks>
/// Token buckets holding one token: in any window of length w a bucket hands out at most 1 + w / period tokens,
/// so the period is (window + <see cref="Allowance"/>) / limit. Telegram counts on arrival, and requests leave
/// the host with some jitter, so the allowance keeps a slow request and a fast one from landing in the same window.
/// </remarks>
internal sealed class TelegramSendGate : IAsyncDisposable
{
    /// <summary>Headroom per window for network jitter between leaving the host and arriving at Telegram.</summary>
    public static readonly TimeSpan Allowance = TimeSpan.FromMilliseconds(40);

    private readonly TokenBucketRateLimiter _global;
    private readonly PartitionedRateLimiter<long> _perChat;

    public TelegramSendGate(IOptions<TelegramOptions> options)
    {
        var o = options.Value;
        _global = new TokenBucketRateLimiter(Bucket(o.GlobalPerSecond, TimeSpan.FromSeconds(1)));
        var privateChat = Bucket(o.PerChatPerSecond, TimeSpan.FromSeconds(1));
        var group = Bucket(o.PerGroupPerMinute, TimeSpan.FromMinutes(1));
        // Private chats have positive ids, groups and channels negative ones.
        _perChat = PartitionedRateLimiter.Create<long, long>(chat =>
            RateLimitPartition.GetTokenBucketLimiter(chat, id => id > 0 ? privateChat : group));
    }

    /// <summary>Waits until one more message may go to <paramref name="chatId"/>.</summary>
    public async ValueTask WaitAsync(long chatId, CancellationToken cancellationToken)
    {
        using (var chat = await _perChat.AcquireAsync(chatId, 1, cancellationToken))
        {
            if (!chat.IsAcquired)
                throw new InvalidOperationException("The per-chat send queue refused a message.");
        }
        using var global = await _global.AcquireAsync(1, cancellationToken);
        if (!global.IsAcquired)
            throw new InvalidOperationException("The global send queue refused a message.");
    }

    public async ValueTask DisposeAsync()
    {
        await _perChat.DisposeAsync();
        await _global.DisposeAsync();
    }

    private static TokenBucketRateLimiterOptions Bucket(int limit, TimeSpan window) => new()
    {
        TokenLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = (window + Allowance) / limit,
        AutoReplenishment = true,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };
}
