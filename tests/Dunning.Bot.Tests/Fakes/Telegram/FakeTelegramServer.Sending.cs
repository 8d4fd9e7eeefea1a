using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>sendMessage, sendPhoto, sendDocument and what they recorded.</summary>
public sealed partial class FakeTelegramServer
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private const int MaxPhotoBytes = 10 * 1024 * 1024;
    private const int MaxDocumentBytes = 50 * 1024 * 1024;

    private readonly SendRateLimiter _limiter;
    private readonly List<SentMessage> _sentMessages = [];
    private readonly List<SentFile> _sentFiles = [];
    private readonly Dictionary<(long Chat, int Id), StoredMessage> _messages = [];
    private readonly HashSet<string> _fileIds = new(StringComparer.Ordinal);

    private sealed record StoredMessage(JsonObject Json, bool FromBot);

    /// <summary>Text messages accepted by sendMessage, in order.</summary>
    public IReadOnlyList<SentMessage> SentMessages
    {
        get { lock (_gate) return [.. _sentMessages]; }
    }

    /// <summary>Photos and documents accepted by sendPhoto/sendDocument, in order.</summary>
    public IReadOnlyList<SentFile> SentFiles
    {
        get { lock (_gate) return [.. _sentFiles]; }
    }

    private JsonNode SendMessage(BotRequest request)
    {
        var chatId = RequireChatId(request);
        var text = request.GetString("text");
        if (string.IsNullOrEmpty(text)) throw BotApiError.BadRequest("message text is empty");
        var parseMode = request.GetString("parse_mode");
        var visible = ParseEntities(text, parseMode);
        if (string.IsNullOrWhiteSpace(visible)) throw BotApiError.BadRequest("message text is empty");
        if (visible.Length > MaxTextLength) throw BotApiError.BadRequest("message is too long");
        var markup = ReadReplyMarkup(request);
        lock (_gate)
        {
            var (chat, message, now) = AdmitSend(chatId, markup);
            message["text"] = visible;
            var messageId = (int)message["message_id"]!;
            _sentMessages.Add(new SentMessage(chat.Id, messageId, text, visible, parseMode, markup, now));
            SignalChanged();
            return message.DeepClone();
        }
    }

    private JsonNode SendFile(BotRequest request, string kind)
    {
        var chatId = RequireChatId(request);
        var part = request.GetFile(kind, out var reference);
        if (part is null && reference is null) throw BotApiError.BadRequest($"there is no {kind} in the request");
        int width = 0, height = 0;
        if (part is not null)
        {
            if (part.Content.Length == 0) throw BotApiError.BadRequest("file must be non-empty");
            if (part.Content.Length > (kind == "photo" ? MaxPhotoBytes : MaxDocumentBytes)) throw BotApiError.BadRequest("file is too big");
            if (kind == "photo" && !ImageProbe.TryGetSize(part.Content, out width, out height)) throw BotApiError.BadRequest("IMAGE_PROCESS_FAILED");
        }
        else if (!Uri.TryCreate(reference, UriKind.Absolute, out _))
        {
            lock (_gate)
            {
                if (!_fileIds.Contains(reference!)) throw BotApiError.BadRequest("wrong file identifier/HTTP URL specified");
            }
        }
        var caption = request.GetString("caption");
        var parseMode = request.GetString("parse_mode");
        var visibleCaption = string.IsNullOrEmpty(caption) ? null : ParseEntities(caption, parseMode);
        if (visibleCaption?.Length > MaxCaptionLength) throw BotApiError.BadRequest("message caption is too long");
        var markup = ReadReplyMarkup(request);
        lock (_gate)
        {
            var (chat, message, now) = AdmitSend(chatId, markup);
            var fileId = NewFileId(kind);
            var file = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "U" + fileId[^8..], ["file_size"] = part?.Content.Length ?? 1 };
            if (kind == "photo")
            {
                (file["width"], file["height"]) = (width, height);
                message["photo"] = new JsonArray(file);
            }
            else
            {
                if (part?.FileName is { } fileName) file["file_name"] = fileName;
                file["mime_type"] = part?.ContentType ?? "application/octet-stream";
                message["document"] = file;
            }
            if (visibleCaption is not null) message["caption"] = visibleCaption;
            _sentFiles.Add(new SentFile(chat.Id, (int)message["message_id"]!, kind, part?.FileName, part?.ContentType,
                part?.Content, reference, caption, parseMode, markup, now));
            SignalChanged();
            return message.DeepClone();
        }
    }

    /// <summary>Checks chat, block and rate limit (in that order), then creates the bot's message.</summary>
    private (FakeChat Chat, JsonObject Message, DateTimeOffset Now) AdmitSend(long chatId, JsonObject? markup)
    {
        // Called under _gate.
        var chat = RequireKnownChat(chatId);
        EnsureNotBlocked(chat);
        var now = Options.TimeProvider.GetUtcNow();
        _limiter.Admit(chat, now);
        var message = MessageJson(chat, BotUserJson(full: false), NextMessageId(chat.Id), now.ToUnixTimeSeconds(), null);
        if (markup?["inline_keyboard"] is not null) message["reply_markup"] = markup.DeepClone();
        _messages[(chat.Id, (int)message["message_id"]!)] = new StoredMessage(message, FromBot: true);
        return (chat, message, now);
    }

    private string NewFileId(string kind)
    {
        var id = (kind == "photo" ? "AgAC" : "BQAC") + Convert.ToBase64String(Encoding.ASCII.GetBytes(
            (_fileIds.Count + 1).ToString("D12", CultureInfo.InvariantCulture))).TrimEnd('=');
        _fileIds.Add(id);
        return id;
    }

    private static long RequireChatId(BotRequest request)
    {
        if (!request.Has("chat_id")) throw BotApiError.BadRequest("chat_id is empty");
        var raw = request.GetString("chat_id");
        return long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw BotApiError.BadRequest("chat not found"); // an @username the fake does not know
    }

    private FakeChat RequireKnownChat(long chatId)
    {
        // Called under _gate.
        if (_chats.TryGetValue(chatId, out var chat)) return chat;
        if (Options.RequireKnownChats) throw BotApiError.BadRequest("chat not found");
        return chatId > 0 ? new FakeChat(chatId, "private") : new FakeChat(chatId, "group", "Group " + chatId);
    }

    private static string ParseEntities(string text, string? parseMode) => parseMode switch
    {
        null or "" => text,
        _ when parseMode.Equals("HTML", StringComparison.OrdinalIgnoreCase) => HtmlEntityParser.Parse(text),
        _ when parseMode.Equals("MarkdownV2", StringComparison.OrdinalIgnoreCase) => MarkdownV2EntityParser.Parse(text),
        // Legacy Markdown is accepted unchecked; the adapter is expected to use HTML or MarkdownV2.
        _ when parseMode.Equals("Markdown", StringComparison.OrdinalIgnoreCase) => text,
        _ => throw BotApiError.BadRequest("unsupported parse_mode"),
    };
}
