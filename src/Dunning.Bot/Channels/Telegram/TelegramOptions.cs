namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// The Telegram channel, bound from the <c>Telegram</c> section (environment: <c>Telegram__Token=…</c>).
/// Without a <see cref="Token"/> the channel is off. Secrets (<see cref="Token"/>, <see cref="SecretToken"/>,
/// <see cref="OwnerLinkCode"/>)
/// are never logged.
/// </summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The official Bot API server.</summary>
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>The bot token from BotFather ("123456:ABC…"); empty turns the channel off.</summary>
    public string? Token { get; set; }

    /// <summary>Polling (the default) or webhook.</summary>
    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public HTTPS URL Telegram posts updates to, ending in <c>/telegram/webhook</c> (webhook mode).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>1–256 characters <c>A-Z a-z 0-9 _ -</c>; Telegram sends it in <c>X-Telegram-Bot-Api-Secret-Token</c>
    /// with every update and the webhook refuses requests without it (required in webhook mode).</summary>
    public string? SecretToken { get; set; }

    /// <summary>The Bot API server; set it to a self-hosted <c>telegram-bot-api</c> server (or a test fake).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// The update kinds requested from Telegram (empty = message and callback_query); others are never delivered.
    /// Empty by default because configuration binding appends to a pre-filled list.
    /// </summary>
    public List<string> AllowedUpdates { get; set; } = [];

    /// <summary><see cref="AllowedUpdates"/>, or message and callback_query when none are configured.</summary>
    public IReadOnlyList<string> EffectiveAllowedUpdates => AllowedUpdates.Count > 0 ? AllowedUpdates : ["message", "callback_query"];

    /// <summary>The bot's username for t.me deep links; filled from getMe at start-up when empty.</summary>
    public string? BotUsername { get; set; }

    /// <summary>Messages per second across all chats (Telegram: about 30).</summary>
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Messages per second to one private chat (Telegram: 1).</summary>
    public int PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages per minute to one group (Telegram: 20). The bot only sends its "write privately" notice there.</summary>
    public int PerGroupPerMinute { get; set; } = 20;

    /// <summary>The getUpdates long-poll timeout.</summary>
    public TimeSpan PollingTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>How long an inline button keeps working (its data is kept server-side until then).</summary>
    public TimeSpan ButtonLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many handled update ids are remembered to drop duplicates (webhook redeliveries, restarts).</summary>
    public int ProcessedUpdatesWindow { get; set; } = 10_000;

    /// <summary>How long a 429 "retry after" an interactive reply may wait in Telegram.Bot's own retry
    /// (proactive sends never wait: the outbox retries them).</summary>
    public TimeSpan ReplyRetryThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The owner's secret (at least 12 characters) that binds a private chat as the destination of escalation alerts:
    /// typed there as <c>/owner &lt;code&gt;</c> or alone as the whole message (the latest binding wins). It never reaches
    /// the bot or the transcript. Empty: no chat can be bound and owner alerts are not sent to Telegram.
    /// </summary>
    public string? OwnerLinkCode { get; set; }

    /// <summary>True when a token is set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Token);
}
