namespace Dunning.Bot.Channels.Telegram;

/// <summary>The owner's private Telegram chat for escalation alerts, and the language they are written in.</summary>
internal sealed record TelegramOwnerChat(long ChatId, string Language, DateTimeOffset BoundAt);
