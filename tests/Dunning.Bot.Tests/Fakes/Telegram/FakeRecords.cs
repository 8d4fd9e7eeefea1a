using System.Text.Json.Nodes;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>A text message the bot sent successfully (sendMessage). <c>Text</c> is exactly what the bot sent
/// (markup included), <c>VisibleText</c> the text after entity parsing as the user sees it;
/// <c>ReplyMarkup</c> is the reply_markup object or null.</summary>
public sealed record SentMessage(long ChatId, int MessageId, string Text, string VisibleText, string? ParseMode,
    JsonObject? ReplyMarkup, DateTimeOffset SentAt);

/// <summary>A photo or document the bot sent (sendPhoto/sendDocument). <c>Kind</c> is "photo" or "document";
/// <c>Content</c> holds the uploaded bytes, or is null when the bot sent a file_id or URL (<c>FileReference</c>).</summary>
public sealed record SentFile(long ChatId, int MessageId, string Kind, string? FileName, string? ContentType,
    byte[]? Content, string? FileReference, string? Caption, string? ParseMode, JsonObject? ReplyMarkup, DateTimeOffset SentAt);

/// <summary>An answerCallbackQuery call that was accepted.</summary>
public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert, string? Url, int? CacheTime);

/// <summary>An accepted editMessageReplyMarkup call; <c>ReplyMarkup</c> is null when the keyboard was removed.</summary>
public sealed record MarkupEdit(long ChatId, int MessageId, JsonObject? ReplyMarkup);

/// <summary>One command of a setMyCommands list.</summary>
public sealed record FakeBotCommand(string Command, string Description);

/// <summary>One request the server answered, whatever the outcome. <c>Method</c> is spelled as the client sent it;
/// <c>StatusCode</c> is the HTTP status, or 0 when the request hung and was abandoned.</summary>
public sealed record ApiCall(string Method, int StatusCode, DateTimeOffset At);

/// <summary>One POST of an update to the webhook URL. <c>StatusCode</c> is what the webhook answered,
/// or null when the connection failed (then <c>Error</c> says why).</summary>
public sealed record WebhookDelivery(int UpdateId, int? StatusCode, string? Error);

/// <summary>The ids of an enqueued update; <c>MessageId</c> and <c>CallbackQueryId</c> when applicable.</summary>
public sealed record EnqueuedUpdate(int UpdateId, int? MessageId = null, string? CallbackQueryId = null);
