using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// Files users send to the bot, as the Bot API documents them: a photo arrives as several <c>PhotoSize</c>s, a document
/// with file_name, mime_type and file_size; <c>getFile</c> answers a <c>File</c> with a file_path (400 "file is too big"
/// beyond 20 MB, 400 "invalid file_id" for an unknown id), and <c>GET /file/bot{token}/{file_path}</c> serves the content.
/// </summary>
public sealed partial class FakeTelegramServer
{
    /// <summary>The largest file a bot may download with getFile (Bot API: 20 MB).</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    private readonly Dictionary<string, (string Path, byte[] Content)> _files = [];
    private int _nextFileId = 1;

    /// <summary>How often each file was downloaded, by file_path.</summary>
    public IReadOnlyDictionary<string, int> Downloads
    {
        get { lock (_gate) return new Dictionary<string, int>(_downloads); }
    }

    private readonly Dictionary<string, int> _downloads = [];

    /// <summary>A photo (JPEG <paramref name="content"/>) in the private chat, with a thumbnail size and the full size, as Telegram sends it.</summary>
    public EnqueuedUpdate EnqueuePhoto(FakeUser from, byte[] content, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            var thumbnail = PhotoSize(AddFile("photos", content[..Math.Min(content.Length, 64)], "jpg"), 90, 90);
            var full = PhotoSize(AddFile("photos", content, "jpg"), 1280, 960);
            return EnqueueFileMessage(from, "photo", new JsonArray(thumbnail, full), caption);
        }
    }

    /// <summary>A document (any file) in the private chat; <paramref name="declaredSize"/> overrides the announced file_size.</summary>
    public EnqueuedUpdate EnqueueDocument(FakeUser from, byte[] content, string fileName, string mimeType, string? caption = null, long? declaredSize = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            var (id, unique) = AddFile("documents", content, Path.GetExtension(fileName).TrimStart('.'));
            var document = new JsonObject
            {
                ["file_id"] = id, ["file_unique_id"] = unique, ["file_name"] = fileName, ["mime_type"] = mimeType,
                ["file_size"] = declaredSize ?? content.LongLength,
            };
            return EnqueueFileMessage(from, "document", document, caption);
        }
    }

    private EnqueuedUpdate EnqueueFileMessage(FakeUser from, string field, JsonNode file, string? caption)
    {
        ArgumentNullException.ThrowIfNull(from);
        var chat = KnowChat(FakeChat.PrivateWith(from));
        var messageId = NextMessageId(chat.Id);
        var message = MessageJson(chat, from.ToJson(), messageId, UnixNow(), null);
        message[field] = file;
        if (caption is not null) message["caption"] = caption;
        _messages[(chat.Id, messageId)] = new StoredMessage(message, FromBot: false);
        return new EnqueuedUpdate(AddUpdate("message", message), messageId);
    }

    private (string Id, string Unique) AddFile(string folder, byte[] content, string extension)
    {
        var number = _nextFileId++;
        var id = $"BQACAgIAAxkBAAI{number:D6}";
        _files[id] = ($"{folder}/file_{number}.{(extension.Length == 0 ? "bin" : extension)}", content);
        return (id, $"AgAD{number:D4}");
    }

    private JsonObject PhotoSize((string Id, string Unique) file, int width, int height) => new()
    {
        ["file_id"] = file.Id, ["file_unique_id"] = file.Unique, ["width"] = width, ["height"] = height,
        ["file_size"] = _files[file.Id].Content.LongLength,
    };

    private JsonNode GetFile(BotRequest request)
    {
        var id = request.GetString("file_id");
        lock (_gate)
        {
            if (id is null || !_files.TryGetValue(id, out var file)) throw BotApiError.BadRequest("invalid file_id");
            if (file.Content.LongLength > MaxDownloadBytes) throw BotApiError.BadRequest("file is too big");
            return new JsonObject
            {
                ["file_id"] = id, ["file_unique_id"] = "AgAD" + id[^4..], ["file_size"] = file.Content.LongLength, ["file_path"] = file.Path,
            };
        }
    }

    /// <summary>GET /file/bot{token}/{file_path}: the content; 404 for another token or an unknown path (as the Bot API answers).</summary>
    private async Task ServeFileAsync(HttpContext context)
    {
        var rest = context.Request.Path.Value!["/file/bot".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var token = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[(slash + 1)..];
        byte[]? content;
        lock (_gate)
        {
            content = _files.Values.Where(f => f.Path == path).Select(f => f.Content).FirstOrDefault();
            if (content is not null && token == Options.Token) _downloads[path] = _downloads.GetValueOrDefault(path) + 1;
        }
        context.Response.StatusCode = token != Options.Token || content is null ? 404 : 200;
        if (context.Response.StatusCode != 200) return;
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content!.LongLength;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }
}
