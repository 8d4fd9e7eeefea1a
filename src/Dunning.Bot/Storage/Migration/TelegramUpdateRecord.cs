namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// A Telegram update the bot received (id: its update_id): pending with its JSON, or done (JSON dropped, the id kept) —
/// copied, so an update handled before the move is not handled again when Telegram delivers it once more.
/// </summary>
internal sealed record TelegramUpdateRecord(string State, string? Json, DateTimeOffset At);
