using System.ComponentModel.DataAnnotations;
using Dunning.Bot.Hosting;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The web chat channel (section <c>WebChat</c>): a Direct Line 3.0 subset under <c>/v3/directline</c> and
/// the chat page at <c>/chat</c>.
/// </summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>Serve the Direct Line endpoints and the chat page.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a Direct Line token is valid; clients refresh it before it expires.</summary>
    [TimeSpanRange("00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a chain of refreshed tokens may last from the conversation's first token; a refresh never reaches
    /// beyond it. A leaked token cannot be kept alive for ever.
    /// </summary>
    [TimeSpanRange("00:01:00", "30.00:00:00")]
    public TimeSpan TokenMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a conversation that was never bound to a debtor is kept (its log, state and transcript); a bound one is
    /// kept until the debtor is erased.
    /// </summary>
    [TimeSpanRange("00:01:00", "365.00:00:00")]
    public TimeSpan UnboundConversationTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired unbound conversations are removed and idle ones leave memory.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>WebSocket streams one client address may hold open at once (more get 429); 0 turns the cap off.</summary>
    [Range(0, 100_000)]
    public int MaxStreamsPerClient { get; set; } = 10;

    /// <summary>
    /// The HMAC-SHA256 key for tokens, at least 32 bytes (base64 or plain text). Empty: a random key is generated
    /// once and kept in the database, so tokens survive restarts.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>
    /// How many validated tokens are remembered (by their exact text) so a request skips the signature check; each is
    /// still checked for expiry. 0 turns the cache off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    /// <summary>The longest message text a client may post, in characters.</summary>
    [Range(1, 100_000)]
    public int MaxMessageChars { get; set; } = 2000;

    /// <summary>
    /// A retried POST (the client id of an activity already accepted: <c>channelData.clientActivityID</c>, else <c>id</c>) gets
    /// the first one's id and runs no second turn while that activity is among the conversation's last this many.
    /// </summary>
    [Range(10, 1_000_000)]
    public int RetryWindow { get; set; } = 1000;

    /// <summary>The largest request body a client may post, in bytes.</summary>
    [Range(256, 1_048_576)]
    public int MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Activities a client may post to one conversation per window (messages and events).</summary>
    [Required]
    public RateLimit PerConversation { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Direct Line requests (any) from one IP address per window; polling counts.</summary>
    [Required]
    public RateLimit PerIp { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Conversations one IP address may start per window.</summary>
    [Required]
    public RateLimit StartsPerIp { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>How often the chat page polls for new activities when it has no stream, while the conversation is active (it backs off when idle).</summary>
    [Range(200, 60_000)]
    public int PollIntervalMs { get; set; } = 1000;

    /// <summary>The most activities one poll returns; the client continues from the returned watermark.</summary>
    [Range(1, 1000)]
    public int MaxActivitiesPerPoll { get; set; } = 100;

    /// <summary>How long a WebSocket stream may stay silent before it sends an empty message to keep the connection alive; the chat page takes a stream silent for twice this (plus 5 s) as lost and polls.</summary>
    [TimeSpanRange("00:00:01", "00:10:00")]
    public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The bot's display name in activities it sends.</summary>
    [Required]
    public string BotName { get; set; } = "Dunning.Bot";

    // --- Direct Line for Microsoft's clients (Web Chat, directlinejs) on other websites ---

    /// <summary>
    /// Websites (origins such as <c>https://www.example.com</c>: scheme, host and port, no path) whose pages may call
    /// <c>/v3/directline</c> (CORS) and open its WebSocket streams. Empty: only this host's own pages.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Whether anyone may start a new conversation without a token (the chat page and Web Chat do). Such a conversation
    /// is bound to no debtor until a link token or access code; off, only existing conversations go on.
    /// </summary>
    public bool AllowAnonymousStart { get; set; } = true;

    /// <summary>
    /// WebSocket streams one conversation may have open at once (two tabs, a phone and a laptop), each with its own
    /// watermark; one more closes the oldest with the reason <c>collision</c>.
    /// </summary>
    [Range(1, 100)]
    public int MaxStreamsPerConversation { get; set; } = 4;
}

/// <summary>A fixed-window limit: <see cref="PermitLimit"/> requests per <see cref="Window"/>; 0 permits turns it off.</summary>
public sealed class RateLimit
{
    [Range(0, int.MaxValue)]
    public int PermitLimit { get; set; }

    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
