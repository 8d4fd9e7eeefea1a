using System.Net;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// CORS for <c>/v3/directline</c>: pages of the websites in <c>WebChat:AllowedOrigins</c> may call it from the browser
/// (preflight answered), every other origin gets no CORS headers and no WebSocket stream.
/// </summary>
public sealed class Direct_line_answers_other_websites_it_allows : IDisposable
{
    private const string Allowed = "https://www.muster-handwerk.example";

    private readonly BotHost host = WebChatHost.Start(new() { ["WebChat:AllowedOrigins:0"] = Allowed + "/", ["WebChat:AllowedOrigins:1"] = "http://127.0.0.1:8123" });

    [Fact]
    public async Task A_preflight_from_an_allowed_website_is_answered_for_what_web_chat_sends()
    {
        using var http = host.CreateHttpClient();
        using var preflight = Preflight("/v3/directline/conversations", Allowed);

        using var response = await http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        var headers = Header(response, "Access-Control-Allow-Headers")!.ToLowerInvariant();
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.Contains("x-ms-bot-agent", headers, StringComparison.Ordinal);
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Requests_from_an_allowed_website_carry_cors_headers_also_when_refused()
    {
        var client = host.Client();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Add("Origin", Allowed);
        using var started = await client.Http.SendAsync(start);
        using var unauthorized = new HttpRequestMessage(HttpMethod.Get, "/v3/directline/conversations/x/activities");
        unauthorized.Headers.Add("Origin", "http://127.0.0.1:8123");
        using var refused = await client.Http.SendAsync(unauthorized);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(Allowed, Header(started, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Header(started, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("http://127.0.0.1:8123", Header(refused, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://www.muster-handwerk.example")]
    [InlineData("https://www.muster-handwerk.example:8443")]
    [InlineData("https://www.muster-handwerk.example.evil.example")]
    [InlineData("https://muster-handwerk.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:8124")]
    public async Task Another_origin_gets_no_cors_headers_for_preflight_or_request(string origin)
    {
        using var http = host.CreateHttpClient();
        using var preflight = Preflight("/v3/directline/conversations", origin);
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Add("Origin", origin);

        using var preflighted = await http.SendAsync(preflight);
        using var started = await http.SendAsync(start);

        Assert.Null(Header(preflighted, "Access-Control-Allow-Origin"));
        Assert.Null(Header(preflighted, "Access-Control-Allow-Methods"));
        Assert.Null(Header(started, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Only_direct_line_and_only_its_methods_are_opened_to_the_allowed_website()
    {
        using var http = host.CreateHttpClient();
        using var ownerApi = Preflight("/api/v1/debtors/K-1", Allowed);
        using var delete = Preflight("/v3/directline/conversations", Allowed, "DELETE");

        using var toOwnerApi = await http.SendAsync(ownerApi);
        using var toDelete = await http.SendAsync(delete);

        Assert.Null(Header(toOwnerApi, "Access-Control-Allow-Origin"));
        Assert.DoesNotContain("DELETE", Header(toDelete, "Access-Control-Allow-Methods") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_opens_for_this_host_an_allowed_website_and_non_browsers_but_not_for_another_website()
    {
        var client = host.Client();
        var streamUrl = (await client.StartAsync()).GetProperty("streamUrl").GetString()!;
        var own = host.BaseAddress.GetLeftPart(UriPartial.Authority);

        await using var fromOwnPage = await DirectLineStreamClient.ConnectAsync(streamUrl, own);
        await using var fromAllowed = await DirectLineStreamClient.ConnectAsync(streamUrl, Allowed);
        await using var fromServer = await DirectLineStreamClient.ConnectAsync(streamUrl);
        var fromElsewhere = await DirectLineStreamClient.RefusedStatusAsync(streamUrl, "https://evil.example");
        var fromLookalike = await DirectLineStreamClient.RefusedStatusAsync(streamUrl, Allowed + ".evil.example");
        var fromGarbage = await DirectLineStreamClient.RefusedStatusAsync(streamUrl, "javascript:alert(1)");

        Assert.Equal((403, 403, 403), (fromElsewhere, fromLookalike, fromGarbage));
        await client.SayAsync("hello");
        Assert.Equal("echo: hello", (await fromAllowed.ReceiveActivitiesAsync(2)).Activities[1].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("https://www.example.com/chat")]
    [InlineData("ftp://www.example.com")]
    [InlineData("www.example.com")]
    [InlineData("*")]
    [InlineData("https://www.example.com?x=1")]
    public void A_setting_that_is_not_an_origin_stops_the_host_with_a_clear_message(string origin)
    {
        using var bad = WebChatHost.Start(new() { ["WebChat:AllowedOrigins:0"] = origin });

        var error = Assert.ThrowsAny<Exception>(() => bad.CreateHttpClient());

        Assert.Contains("WebChat:AllowedOrigins", error.ToString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method = "POST")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public void Dispose() => host.Dispose();
}
