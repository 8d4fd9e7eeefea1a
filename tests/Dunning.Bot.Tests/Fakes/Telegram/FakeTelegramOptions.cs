namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// Settings of a <see cref="FakeTelegramServer"/>. The defaults match the limits Telegram documents
/// (Bots FAQ "How can I avoid hitting limits?", Bot API method descriptions).
/// </summary>
public sealed class FakeTelegramOptions
{
    /// <summary>A token in Telegram's shape: the bot id, a colon and 35 characters.</summary>
    public const string DefaultToken = "7000000001:AAFakeTokenForDunningBotTests_abc12";

    /// <summary>The only token the server accepts; any other one gets 401 Unauthorized.</summary>
    public string Token { get; init; } = DefaultToken;

    /// <summary>The bot's username as getMe reports it (used in t.me deep links).</summary>
    public string BotUsername { get; init; } = "dunning_test_bot";

    public string BotFirstName { get; init; } = "Dunning Test Bot";

    /// <summary>Dates, rate-limit windows and callback-query expiry read this clock.
    /// Long-poll waits are transport timeouts and always use wall-clock time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>When false, no 429 is ever produced by the limits below (injected faults still apply).</summary>
    public bool EnforceRateLimits { get; init; } = true;

    /// <summary>Messages allowed to one private chat per <see cref="PerChatWindow"/> (Telegram: 1 per second).</summary>
    public int PerChatLimit { get; init; } = 1;

    public TimeSpan PerChatWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages allowed to one group per <see cref="GroupWindow"/> (Telegram: 20 per minute).</summary>
    public int GroupLimit { get; init; } = 20;

    public TimeSpan GroupWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages allowed across all chats per <see cref="GlobalWindow"/> (Telegram: 30 per second).</summary>
    public int GlobalLimit { get; init; } = 30;

    public TimeSpan GlobalWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a callback query can still be answered; later answers get 400 "query is too old".</summary>
    public TimeSpan CallbackQueryLifetime { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>When true (Telegram's behaviour) a bot can only write to chats that wrote to it first
    /// (an enqueued update or <see cref="FakeTelegramServer.RegisterPrivateChat"/>); others get 400 "chat not found".</summary>
    public bool RequireKnownChats { get; init; } = true;

    /// <summary>Identifier of the first enqueued update; Telegram starts at an arbitrary positive number.</summary>
    public int FirstUpdateId { get; init; } = 580_000_001;

    /// <summary>How long an injected <see cref="FakeFaultKind.Hang"/> holds the request at most.</summary>
    public TimeSpan MaxHang { get; init; } = TimeSpan.FromMinutes(2);
}
