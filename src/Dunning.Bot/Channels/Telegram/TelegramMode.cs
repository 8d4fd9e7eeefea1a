namespace Dunning.Bot.Channels.Telegram;

/// <summary>How the bot receives updates from Telegram.</summary>
public enum TelegramMode
{
    /// <summary>The host asks Telegram for updates (getUpdates, long polling). Works behind NAT, no public URL needed.</summary>
    Polling,

    /// <summary>Telegram POSTs each update to <see cref="TelegramOptions.WebhookUrl"/> (HTTPS, public).</summary>
    Webhook,
}
