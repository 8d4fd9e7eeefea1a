using Dunning.Bot.Hosting.Coordination;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Paces every message the bot sends so Telegram never has to answer 429: at most
/// <see cref="TelegramOptions.GlobalPerSecond"/> in any second for the bot, <see cref="TelegramOptions.PerChatPerSecond"/>
/// per private chat, <see cref="TelegramOptions.PerGroupPerMinute"/> in any minute per group. Callers wait their
/// turn (first come, first served) instead of being rejected.
/// </summary>
/// <remarks>
/// Telegram counts a message when it arrives, which is some unknown moment between the request leaving and its
/// answer coming back; so each permit is held from before the request until one window after the answer (see
/// <see cref="ISendBudget"/>). Every budget is the registered <see cref="ISendBudget"/>: this process's own with
/// LiteDB, one for all hosts with PostgreSQL — Telegram counts per bot and per chat, not per host, and a chat may get a
/// reply from the host running its turn while another host dispatches a reminder to it.
/// </remarks>
internal sealed class TelegramSendGate
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly ISendBudget _budget;
    private readonly TelegramOptions _options;
    private readonly string _bot;
    private readonly SendLimit _global;

    public TelegramSendGate(ISendBudget budget, IOptions<TelegramOptions> options)
    {
        _budget = budget;
        _options = options.Value;
        _bot = "telegram:bot:" + TelegramBotIdentity.IdFromToken(_options.Token);
        _global = new SendLimit(_bot, _options.GlobalPerSecond, Second);
    }

    /// <summary>Waits until one more message may go to <paramref name="chatId"/>; dispose the slot when Telegram answered
    /// (or the call failed): its permits return one window later.</summary>
    public async ValueTask<IAsyncDisposable> EnterAsync(long chatId, CancellationToken cancellationToken)
    {
        // Private chats have positive ids, groups and channels negative ones; the limits are per bot and chat.
        var o = _options;
        var chat = await _budget.EnterAsync(chatId > 0
            ? new SendLimit(_bot + ":chat:" + chatId, o.PerChatPerSecond, Second)
            : new SendLimit(_bot + ":group:" + chatId, o.PerGroupPerMinute, Minute), cancellationToken);
        IAsyncDisposable global;
        try
        {
            global = await _budget.EnterAsync(_global, cancellationToken);
        }
        catch
        {
            await chat.DisposeAsync();
            throw;
        }
        return new Slot(chat, global);
    }

    private sealed class Slot(IAsyncDisposable chat, IAsyncDisposable global) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await global.DisposeAsync();
            await chat.DisposeAsync();
        }
    }
}
