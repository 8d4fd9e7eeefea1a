using Dunning.Bot.Conversations;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Dunning.Bot.Channels.Telegram;

internal sealed partial class TelegramMessageSender
{
    private const int MaxPhotoBytes = 10 * 1024 * 1024;
    private const int MaxDocumentBytes = 50 * 1024 * 1024;

    /// <summary>
    /// One send per attachment: a data: URI image becomes sendPhoto, other data: URIs sendDocument (both uploaded
    /// from memory), an http(s) link a text message with the link. Anything else (cards) is logged and skipped:
    /// Telegram has no cards, and the dialogs put everything a debtor needs into the text.
    /// </summary>
    private Func<ReplyMarkup?, Task<Message>>? AttachmentSend(ITelegramBotClient client, long chatId, Attachment attachment, CancellationToken cancellationToken)
    {
        var url = attachment.ContentUrl;
        if (url is not null && url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            if (!DataUri.TryParse(url, out var mediaType, out var bytes))
            {
                logger.LogWarning("Skipped an attachment with a malformed data: URI for Telegram chat {ChatId}", chatId);
                return null;
            }
            var isPhoto = mediaType is "image/png" or "image/jpeg";
            if (bytes.Length == 0 || bytes.Length > (isPhoto ? MaxPhotoBytes : MaxDocumentBytes))
            {
                logger.LogWarning("Skipped a {Bytes}-byte {MediaType} attachment for Telegram chat {ChatId}: empty or over Telegram's limit",
                    bytes.Length, mediaType, chatId);
                return null;
            }
            var name = FileName(attachment.Name, mediaType);
            return isPhoto
                ? markup => client.SendPhoto(chatId, InputFile.FromStream(new MemoryStream(bytes), name), replyMarkup: markup, cancellationToken: cancellationToken)
                : markup => client.SendDocument(chatId, InputFile.FromStream(new MemoryStream(bytes), name), replyMarkup: markup, cancellationToken: cancellationToken);
        }
        if (Uri.TryCreate(url, UriKind.Absolute, out var link) && link.Scheme is "https" or "http")
        {
            var text = string.IsNullOrWhiteSpace(attachment.Name) ? link.AbsoluteUri : $"{attachment.Name}: {link.AbsoluteUri}";
            return markup => client.SendMessage(chatId, text, replyMarkup: markup, cancellationToken: cancellationToken);
        }
        logger.LogInformation("Skipped a {ContentType} attachment for Telegram chat {ChatId}: Telegram shows no cards", attachment.ContentType, chatId);
        return null;
    }

    private static string FileName(string? name, string mediaType)
    {
        var safe = string.IsNullOrWhiteSpace(name) ? null : Path.GetFileName(name.Trim());
        if (!string.IsNullOrEmpty(safe))
            return safe;
        return mediaType switch
        {
            "image/png" => "image.png",
            "image/jpeg" => "image.jpg",
            "application/pdf" => "document.pdf",
            _ => "file",
        };
    }
}
