using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Paces every message the bot sends so Telegram never has to answer 429: at most
/// <see cref="TelegramOptions.GlobalPerSecond"/> in any second overall, <see cref="TelegramOptions.PerChatPerSecond"/>
/// per private chat, <see cref="TelegramOptions.PerGroupPerMinute"/> in any minute per group. Callers wait their
/// turn (first come, first served) instead of being rejected.
/// </summary>
/// <remarks>
/// Telegram counts a message when it arrives, which is some unknown moment between the request leaving and its
/// answer coming back. So a send holds a permit of a <see cref="ConcurrencyLimiter"/> from before the request until
/// one window after the answer: with N permits, any N + 1 arrivals span more than a window, whatever the network
/// and thread-pool jitter. Timers may fire a few milliseconds early against the wall clock Telegram uses (coarse
/// monotonic ticks), so permits return <see cref="Allowance"/> later still. The price: a sustained N / (window +
/// allowance + latency), 29 a second on a local network.
/// </remarks>
internal sealed class TelegramSendGate : IAsyncDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Added to every window, covering timer granularity.</summary>
    public static readonly TimeSpan Allowance = TimeSpan.FromMilliseconds(15);

    private readonly ConcurrencyLimiter _global;
    private readonly PartitionedRateLimiter<long> _perChat;
    private readonly TimeProvider _clock;

    public TelegramSendGate(IOptions<TelegramOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _clock = clock;
        _global = new ConcurrencyLimiter(Permits(o.GlobalPerSecond));
        // Private chats have positive ids, groups and channels negative ones.
        _perChat = PartitionedRateLimiter.Create<long, long>(chat =>
            RateLimitPartition.GetConcurrencyLimiter(chat, id => Permits(id > 0 ? o.PerChatPerSecond : o.PerGroupPerMinute)));
    }

    /// <summary>Waits until one more message may go to <paramref name="chatId"/>; dispose the slot when Telegram answered
    /// (or the call failed): its permits return one window later.</summary>
    public async ValueTask<IAsyncDisposable> EnterAsync(long chatId, CancellationToken cancellationToken)
    {
        var chat = await _perChat.AcquireAsync(chatId, 1, cancellationToken);
        if (!chat.IsAcquired)
        {
            chat.Dispose();
            throw new InvalidOperationException("The per-chat send queue refused a message.");
        }
        RateLimitLease global;
        try
        {
            global = await _global.AcquireAsync(1, cancellationToken);
        }
        catch
        {
            chat.Dispose(); // nothing was sent on it
            throw;
        }
        if (!global.IsAcquired)
        {
            global.Dispose();
            chat.Dispose();
            throw new InvalidOperationException("The global send queue refused a message.");
        }
        return new Slot(this, chat, chatId > 0 ? Second : Minute, global);
    }

    public async ValueTask DisposeAsync()
    {
        await _perChat.DisposeAsync();
        await _global.DisposeAsync();
    }

    private async Task ReleaseLaterAsync(RateLimitLease lease, TimeSpan after)
    {
        try
        {
            await Task.Delay(after + Allowance, _clock);
        }
        finally
        {
            lease.Dispose();
        }
    }

    private static ConcurrencyLimiterOptions Permits(int limit) => new()
    {
        PermitLimit = limit,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };

    private sealed class Slot(TelegramSendGate gate, RateLimitLease chat, TimeSpan chatWindow, RateLimitLease global) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            _ = gate.ReleaseLaterAsync(global, Second);
            _ = gate.ReleaseLaterAsync(chat, chatWindow);
            return ValueTask.CompletedTask;
        }
    }
}
