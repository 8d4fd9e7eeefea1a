using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.Staff;

namespace Dunning.Bot.Tests.Security;

/// <summary>
/// Behind a reverse proxy named in <c>Hosting:KnownProxies</c>, the client's address and scheme come from
/// X-Forwarded-For/-Proto: each client has its own rate-limit bucket, cookies stay Secure and stream URLs are wss://.
/// The same headers from any other address are ignored. (The test client connects from 127.0.0.1.)
/// </summary>
public sealed class Behind_a_reverse_proxy
{
    private static Dictionary<string, string?> Proxy(string knownProxy) => new()
    {
        ["Hosting:KnownProxies:0"] = knownProxy,
        ["WebChat:StartsPerIp:PermitLimit"] = "2",
    };

    [Fact]
    public async Task Clients_behind_a_known_proxy_get_their_own_rate_limit_bucket()
    {
        var (statuses, streamUrl) = await StartFromAsync("127.0.0.1", "203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.Created], statuses);
        Assert.StartsWith("wss://", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var (statuses, streamUrl) = await StartFromAsync("10.9.9.9", "203.0.113.1", "203.0.113.2", "203.0.113.3");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.StartsWith("ws://", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_cookies_stay_secure_behind_a_known_tls_proxy_and_not_from_elsewhere()
    {
        using var behindProxy = new StaffHost(Proxy("127.0.0.1"));
        using var elsewhere = new StaffHost(Proxy("10.9.9.9"));

        Assert.All(await SignInCookiesAsync(behindProxy), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(await SignInCookiesAsync(elsewhere), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The Set-Cookie headers of the sign-in page and of a successful sign-in, sent through the "proxy".</summary>
    private static async Task<IReadOnlyList<string>> SignInCookiesAsync(StaffHost host)
    {
        // A cookie jar would not send Secure cookies over plain http: carry the antiforgery cookie by hand.
        using var http = host.Host.CreateHttpClient();
        using var page = await ViaProxyAsync(http, HttpMethod.Get, null, null);
        var pageCookies = page.Headers.GetValues("Set-Cookie").ToList();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "olga",
            ["Password"] = StaffHost.Password,
            ["__csrf"] = StaffHost.Token(await page.Content.ReadAsStringAsync()),
        });
        using var signIn = await ViaProxyAsync(http, HttpMethod.Post, form, string.Join("; ", pageCookies.Select(c => c.Split(';')[0])));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        // The console's own cookies: the antiforgery cookie and the session.
        var cookies = pageCookies.Concat(signIn.Headers.GetValues("Set-Cookie")).Where(c => c.StartsWith("dunning.console", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, cookies.Count);
        return cookies;
    }

    private static async Task<HttpResponseMessage> ViaProxyAsync(HttpClient http, HttpMethod method, HttpContent? content, string? cookie)
    {
        using var request = new HttpRequestMessage(method, "/console/signin") { Content = content };
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    /// <summary>Starts one conversation per client address (X-Forwarded-Proto https); the statuses and the first stream URL.</summary>
    private static async Task<(HttpStatusCode[] Statuses, string FirstStreamUrl)> StartFromAsync(string knownProxy, params string[] clients)
    {
        using var host = WebChatHost.Start(Proxy(knownProxy));
        using var http = host.CreateHttpClient();
        var started = new List<(HttpStatusCode Status, string StreamUrl)>();
        foreach (var client in clients)
            started.Add(await StartAsync(http, client, "https"));
        return ([.. started.Select(s => s.Status)], started[0].StreamUrl);
    }

    private static async Task<(HttpStatusCode Status, string StreamUrl)> StartAsync(HttpClient http, string client, string proto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", proto);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
            return (response.StatusCode, "");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, json.GetProperty("streamUrl").GetString()!);
    }
}
