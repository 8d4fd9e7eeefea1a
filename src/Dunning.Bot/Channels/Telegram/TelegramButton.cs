namespace Dunning.Bot.Channels.Telegram;

/// <summary>A button of an inline keyboard as kept server-side: callback_data carries only its random id.</summary>
/// <param name="Id">The random id sent as callback_data (after the "b:" prefix).</param>
/// <param name="ChatId">The only chat where the button works.</param>
/// <param name="Keyboard">The keyboard (one message) it belongs to; pressing one button retires them all.</param>
/// <param name="Text">The text the press stands for (an imBack value or the title).</param>
/// <param name="ValueJson">The action's value as raw JSON, or null.</param>
/// <param name="Expires">When the button stops working.</param>
internal sealed record TelegramButton(string Id, long ChatId, string Keyboard, string Text, string? ValueJson, DateTimeOffset Expires);
