using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// Serves the chat page (<c>/chat</c>) and its assets from resources embedded in the binary, with a
/// strict Content-Security-Policy (scripts and styles only from this host, images also as <c>data:</c>, requests
/// and the Direct Line WebSocket only to this host: <c>'self'</c> covers its ws/wss) and no Referer, so the link
/// token in <c>?t=</c> never leaves the page.
/// </summary>
internal sealed class ChatPage
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; base-uri 'none'; form-action 'self'";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["chat.js"] = "text/javascript; charset=utf-8",
        ["stream.js"] = "text/javascript; charset=utf-8",
        ["chat.css"] = "text/css; charset=utf-8",
        ["strings.json"] = "application/json; charset=utf-8",
    };

    private readonly byte[] html;
    private readonly Dictionary<string, (byte[] Bytes, string ETag)> assets;

    public ChatPage(IOptions<WebChatOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        html = System.Text.Encoding.UTF8.GetBytes(Read("chat.html")
            .Replace("__POLL_MS__", options.Value.PollIntervalMs.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__MAX_CHARS__", options.Value.MaxMessageChars.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__KEEP_ALIVE_MS__", ((long)options.Value.StreamKeepAlive.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        assets = ContentTypes.Keys.ToDictionary(name => name, name =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(Read(name));
            return (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }, StringComparer.Ordinal);
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/chat", (HttpContext http, ChatPage page) => page.Page(http)).ExcludeFromDescription();
        app.MapGet("/chat/assets/{name}", (string name, HttpContext http, ChatPage page) => page.Asset(name, http)).ExcludeFromDescription();
    }

    private IResult Page(HttpContext http)
    {
        Secure(http);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Bytes(html, "text/html; charset=utf-8");
    }

    private IResult Asset(string name, HttpContext http)
    {
        if (!assets.TryGetValue(name, out var asset))
            return TypedResults.NotFound();
        Secure(http);
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch == asset.ETag)
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(asset.Bytes, ContentTypes[name]);
    }

    private static void Secure(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    private static string Read(string name)
    {
        using var stream = typeof(ChatPage).Assembly.GetManifestResourceStream("webchat/" + name)
            ?? throw new InvalidOperationException($"The embedded web chat file {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
