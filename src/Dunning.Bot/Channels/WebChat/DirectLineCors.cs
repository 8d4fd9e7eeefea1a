using Dunning.Bot.Hosting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// Which websites may talk to <c>/v3/directline</c> from a browser: this host's own pages and the origins in
/// <see cref="WebChatOptions.AllowedOrigins"/>. REST calls get CORS headers (preflight answered) only for those origins;
/// a WebSocket upgrade, which browsers do not guard with CORS, is refused (403) when its <c>Origin</c> is another one.
/// Clients without an <c>Origin</c> (servers, apps) are not browsers and are not limited here; the token still is.
/// </summary>
internal static class DirectLineCors
{
    public const string PolicyName = "DirectLine";

    /// <summary>How long a browser may cache a preflight answer.</summary>
    private static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    /// <summary>Registers the CORS policy built from the configured origins (no credentials: the token is the credential).</summary>
    public static IServiceCollection AddDirectLineCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<WebChatOptions>>((cors, web) =>
            cors.AddPolicy(PolicyName, policy => policy
                .WithOrigins([.. web.Value.AllowedOrigins.Select(Normalize)])
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .AllowAnyHeader()
                .WithExposedHeaders("Retry-After")
                .SetPreflightMaxAge(PreflightMaxAge)));
        return services;
    }

    /// <summary>True when every configured origin is an http(s) origin without path, query or fragment (a trailing slash is forgiven).</summary>
    public static bool ValidOrigins(WebChatOptions options) =>
        options.AllowedOrigins is { } origins && origins.All(o => o is not null && IsOrigin(o.TrimEnd('/')));

    /// <summary>
    /// True when a browser page at the request's <c>Origin</c> may open a stream: no Origin (not a browser), this host
    /// (as the request names it, or <see cref="BotOptions.PublicBaseUrl"/>), or an allowed origin.
    /// </summary>
    public static bool StreamAllowed(HttpContext http, WebChatOptions options, BotOptions bot)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return true;
        if (!IsOrigin(origin))
            return false;
        var normalized = Normalize(origin);
        var own = $"{(http.Request.IsHttps ? "https" : "http")}://{http.Request.Host}";
        return (IsOrigin(own) && Normalize(own) == normalized)
            || (Uri.TryCreate(bot.PublicBaseUrl, UriKind.Absolute, out var publicBase) && OriginOf(publicBase) == normalized)
            || options.AllowedOrigins.Any(allowed => Normalize(allowed) == normalized);
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
        && !value.EndsWith('/');

    /// <summary>scheme://host[:port] in lower case, the default port left out (as browsers send it).</summary>
    private static string Normalize(string origin) => Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? OriginOf(uri) : origin;

    private static string OriginOf(Uri uri) => uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}
