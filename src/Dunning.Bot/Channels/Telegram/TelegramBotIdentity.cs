namespace Dunning.Bot.Channels.Telegram;

/// <summary>Who the bot is on Telegram: filled from getMe at start-up (a configured
/// <see cref="TelegramOptions.BotUsername"/> is used until then).</summary>
public sealed class TelegramBotIdentity
{
    private volatile Snapshot _current;

    public TelegramBotIdentity(string? configuredUsername, long botId)
    {
        _current = new Snapshot(botId, string.IsNullOrWhiteSpace(configuredUsername) ? null : configuredUsername.TrimStart('@'));
    }

    /// <summary>The bot's user id (the digits before the colon of its token).</summary>
    public long Id => _current.Id;

    /// <summary>The role whose leader polls and handles the inbox when several hosts share a database (<c>telegram:&lt;id&gt;</c>).</summary>
    public string LeaderRole => "telegram:" + Id;

    /// <summary>The @username without the @, or null until known.</summary>
    public string? Username => _current.Username;

    /// <summary>The t.me deep link that starts a private chat with <paramref name="payload"/>, or null while the username is unknown.</summary>
    public Uri? DeepLink(string payload) =>
        Username is { } name ? new Uri($"https://t.me/{name}?start={Uri.EscapeDataString(payload)}") : null;

    internal void Set(long id, string? username) => _current = new Snapshot(id, username ?? _current.Username);

    /// <summary>The bot id encoded in a token ("123456:ABC…" → 123456); 0 when the token has no such prefix.</summary>
    public static long IdFromToken(string? token) =>
        token is not null && token.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            && long.TryParse(token.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : 0;

    private sealed record Snapshot(long Id, string? Username);
}
