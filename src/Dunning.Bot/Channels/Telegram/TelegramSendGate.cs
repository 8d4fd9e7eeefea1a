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
/// <see cref="ISendBudget"/>). The bot's budget is the registered <see cref="ISendBudget"/>: this process's own with
/// LiteDB, one for all hosts with PostgreSQL (Telegram's 30 a second are per bot, not per host). The per-chat limits
/// stay in the process: one chat's turns run on one host at a time.
/// </remarks>
internal sealed class TelegramSendGate : IAsyncDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly ISendBudget _bot;
    private readonly TelegramOptions _options;
    private readonly LocalSendBudget _perChat;
    private readonly SendLimit _global;

    public TelegramSendGate(ISendBudget bot, IOptions<TelegramOptions> options, TimeProvider clock)
    {
        _bot = bot;
        _options = options.Value;
        _perChat = new LocalSendBudget(clock);
        _global = new SendLimit("telegram:bot:" + TelegramBotIdentity.IdFromToken(_options.Token), _options.GlobalPerSecond, Second);
    }

    /// <summary>Waits until one more message may go to <paramref name="chatId"/>; dispose the slot when Telegram answered
    /// (or the call failed): its permits return one window later.</summary>
    public async ValueTask<IAsyncDisposable> EnterAsync(long chatId, CancellationToken cancellationToken)
    {
        // Private chats have positive ids, groups and channels negative ones.
        var o = _options;
        var chat = await _perChat.EnterAsync(chatId > 0
            ? new SendLimit("telegram:chat:" + chatId, o.PerChatPerSecond, Second)
            : new SendLimit("telegram:group:" + chatId, o.PerGroupPerMinute, Minute), cancellationToken);
        IAsyncDisposable global;
        try
        {
            global = await _bot.EnterAsync(_global, cancellationToken);
        }
        catch
        {
            await chat.DisposeAsync();
            throw;
        }
        return new Slot(chat, global);
    }

    public ValueTask DisposeAsync() => _perChat.DisposeAsync();

    private sealed class Slot(IAsyncDisposable chat, IAsyncDisposable global) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await global.DisposeAsync();
            await chat.DisposeAsync();
        }
    }
}
