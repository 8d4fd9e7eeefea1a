using System.Net;

namespace Dunning.Bot.Tests.Channels.WebChat;

public sealed class The_chat_page_is_served : IDisposable
{
    private readonly Infrastructure.BotHost host = WebChatHost.Start(new() { ["WebChat:PollIntervalMs"] = "1500" });

    [Fact]
    public async Task The_page_has_a_strict_policy_and_no_referrer()
    {
        using var http = host.CreateHttpClient();
        using var response = await http.GetAsync("/chat?t=abc");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("data-poll-ms=\"1500\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chat.js", "text/javascript")]
    [InlineData("stream.js", "text/javascript")]
    [InlineData("chat.css", "text/css")]
    [InlineData("strings.json", "application/json")]
    public async Task The_assets_are_served_with_their_types(string name, string type)
    {
        using var http = host.CreateHttpClient();
        using var response = await http.GetAsync("/chat/assets/" + name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task Without_a_logo_the_favicon_is_the_embedded_icon()
    {
        using var http = host.CreateHttpClient();
        using var response = await http.GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((192, 192), EndToEnd.PngFile.Decode(await response.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("chat.html")]
    [InlineData("icon.png")]
    [InlineData("..%2FProgram.cs")]
    [InlineData("nothing.js")]
    public async Task Other_asset_names_are_not_found(string name)
    {
        using var http = host.CreateHttpClient();
        using var response = await http.GetAsync("/chat/assets/" + name);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("chat.js")]
    [InlineData("stream.js")]
    public void The_scripts_never_write_html(string name)
    {
        var script = typeof(Dunning.Bot.Channels.WebChat.WebChatAdapter).Assembly.GetManifestResourceStream("webchat/" + name)!;
        var text = new StreamReader(script).ReadToEnd();

        Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", text, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", text, StringComparison.Ordinal);
    }

    public void Dispose() => host.Dispose();
}
