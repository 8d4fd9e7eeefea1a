namespace Dunning.Bot.Storage.Migration;

/// <summary>The offset of the next getUpdates (<see cref="ChannelStateKeys.TelegramOffset"/>), as the Telegram store keeps it.</summary>
internal sealed record TelegramOffsetRecord(long Next);
