using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// Serves the chat page (<c>/chat</c>) and its assets from resources embedded in the binary, with a
/// strict Content-Security-Policy (scripts and styles only from this host, images also as <c>data:</c>, requests
/// and the Direct Line WebSocket only to this host: <c>'self'</c> covers its ws/wss) and no Referer, so the link
/// token in <c>?t=</c> never leaves the page. The header names the creditor (<see cref="CreditorProfile"/>: name, logo or
/// initials, phone, e-mail, website); the page's own words come from <c>dialogs/webchat.*.yaml</c> as
/// <c>/chat/assets/strings.json</c>; <c>/favicon.ico</c> is the logo or the embedded <c>icon.png</c>.
/// </summary>
internal sealed class ChatPage
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; base-uri 'none'; form-action 'self'";

    /// <summary>The dialog holding the page's labels.</summary>
    public const string Dialog = "webchat";

    /// <summary>The labels the page uses (keys of <c>dialogs/webchat.*.yaml</c>).</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "title", "messages", "suggested", "input_label", "placeholder", "send", "you", "bot", "connecting", "offline", "failed",
        "too_many", "too_long", "expired", "image", "document", "contact", "phone", "email", "website", "payment", "holder", "iban",
        "bic", "bank", "amount", "reference", "copy", "copy_label", "copied", "copy_failed", "girocode", "share", "save_code",
        "attach", "upload_failed", "file_too_large",
    ];

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["chat.js"] = "text/javascript; charset=utf-8",
        ["stream.js"] = "text/javascript; charset=utf-8",
        ["payment.js"] = "text/javascript; charset=utf-8",
        ["chat.css"] = "text/css; charset=utf-8",
    };

    private readonly byte[] html;
    private readonly Dictionary<string, (byte[] Bytes, string ETag, string ContentType)> assets;
    private readonly (byte[] Bytes, string ContentType)? logo;
    private readonly byte[] icon;

    public ChatPage(IOptions<WebChatOptions> options, MessageCatalogue catalogue, CreditorProfile creditor)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(creditor);
        html = System.Text.Encoding.UTF8.GetBytes(Read("chat.html")
            .Replace("__POLL_MS__", options.Value.PollIntervalMs.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__MAX_CHARS__", options.Value.MaxMessageChars.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__KEEP_ALIVE_MS__", ((long)options.Value.StreamKeepAlive.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__LOGO__", ChatHeader.Logo(creditor), StringComparison.Ordinal)
            .Replace("__CREDITOR__", WebUtility.HtmlEncode(creditor.Name), StringComparison.Ordinal)
            .Replace("__CONTACT__", ChatHeader.Contact(creditor), StringComparison.Ordinal));
        assets = ContentTypes.ToDictionary(p => p.Key, p => Asset(System.Text.Encoding.UTF8.GetBytes(Read(p.Key)), p.Value), StringComparer.Ordinal);
        assets["strings.json"] = Asset(Strings(catalogue), "application/json; charset=utf-8");
        logo = creditor.Logo;
        icon = logo?.Bytes ?? ReadBytes("icon.png");
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/chat", (HttpContext http, ChatPage page) => page.Page(http)).ExcludeFromDescription();
        app.MapGet("/chat/assets/{name}", (string name, HttpContext http, ChatPage page) => page.Asset(name, http)).ExcludeFromDescription();
        app.MapGet("/chat/logo", (HttpContext http, ChatPage page) => page.Logo(http)).ExcludeFromDescription();
        app.MapGet("/favicon.ico", (HttpContext http, ChatPage page) => page.Favicon(http)).ExcludeFromDescription();
    }

    /// <summary>The page's labels per language: <c>{"de": {"title": …}, "en": {…}}</c>.</summary>
    private static byte[] Strings(MessageCatalogue catalogue) =>
        JsonSerializer.SerializeToUtf8Bytes(catalogue.Languages.ToDictionary(l => l, l => Keys.ToDictionary(k => k, k => catalogue.Render(Dialog, k, l))));

    private static (byte[], string, string) Asset(byte[] bytes, string contentType) =>
        (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"", contentType);

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
        return TypedResults.Bytes(asset.Bytes, asset.ContentType);
    }

    private IResult Logo(HttpContext http)
    {
        if (logo is not { } file)
            return TypedResults.NotFound();
        Secure(http);
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(file.Bytes, file.ContentType);
    }

    private IResult Favicon(HttpContext http)
    {
        Secure(http);
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Bytes(icon, logo?.ContentType ?? "image/png");
    }

    private static void Secure(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    private static string Read(string name) => System.Text.Encoding.UTF8.GetString(ReadBytes(name));

    private static byte[] ReadBytes(string name) => EmbeddedFile.Read("webchat/" + name);
}
