using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// botframework-directlinejs 0.15.8 (Microsoft's published browser bundle, from npm) on another website in headless
/// Chromium: it starts anonymously (<c>Bearer undefined</c>), refreshes its token, reconnects with the refreshed token
/// when the stream's token expired, and reports <c>ExpiredToken</c> (instead of silently stopping) once every token it
/// holds has expired. The browser's clock and the host's are moved together.
/// </summary>
public sealed class Directlinejs_reconnects_after_token_expiry : IAsyncLifetime
{
    private const int Online = 2;
    private const int ExpiredToken = 3;

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private OtherWebsite? site;
    private Infrastructure.BotHost? host;

    public async Task InitializeAsync()
    {
        site = await OtherWebsite.StartAsync();
        host = WebChatHost.Start(new() { ["WebChat:AllowedOrigins:0"] = site.Origin }, clock);
    }

    [WebClientsFact]
    public async Task It_starts_anonymously_refreshes_reconnects_after_expiry_and_then_reports_an_expired_token()
    {
        if (!HeadlessChromium.Present() || !MicrosoftWebClients.Present())
            return;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.Clock.InstallAsync();
        var errors = new List<string>();
        var sockets = new List<IWebSocket>();
        page.PageError += (_, e) => errors.Add(e);
        page.WebSocket += (_, ws) => sockets.Add(ws);

        await page.GotoAsync(site!.Page("directline", Page(host!.BaseAddress)));
        await page.WaitForFunctionAsync($"window.statuses.includes({Online})");
        await page.EvaluateAsync("window.post({ type: 'event', name: 'webchat/join', value: { locale: 'en-GB' } })");
        await WaitForTextAsync(page, "Please enter your access code.");
        await page.EvaluateAsync("window.post({ type: 'message', text: 'before' })");
        await WaitForTextAsync(page, "echo: before");

        // directlinejs refreshes every 15 minutes; at 30 the stream's first token expires, the host closes it, it reconnects.
        await TwoClocks.RefreshThenOutliveTheFirstTokenAsync(page, clock, sockets[0]);
        await TwoClocks.UntilAsync(() => sockets.Count == 2, "a second stream");
        await page.EvaluateAsync("window.post({ type: 'message', text: 'after the first token expired' })");
        await WaitForTextAsync(page, "echo: after the first token expired");

        // Asleep past every token's lifetime (no refresh ran): the reconnect gets 403 TokenExpired, and directlinejs says so.
        clock.Advance(TimeSpan.FromMinutes(31));
        await TwoClocks.UntilAsync(() => sockets[1].IsClosed, "the second stream to close");
        var expired = await page.RunAndWaitForResponseAsync(() => page.Clock.FastForwardAsync("00:20"), TwoClocks.IsReconnect);
        await page.WaitForFunctionAsync($"window.statuses.includes({ExpiredToken})");

        Assert.Equal(403, expired.Status);
        Assert.Equal("TokenExpired", (await expired.JsonAsync())!.Value.GetProperty("error").GetProperty("code").GetString());
        var texts = await page.EvaluateAsync<string[]>("window.received.map(a => a.text)");
        Assert.Equal(["Please enter your access code.", "before", "echo: before", "after the first token expired", "echo: after the first token expired"],
            texts.Where(t => t is not null));
        Assert.Empty(errors);
    }

    private static string Page(Uri bot) =>
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>directlinejs</title></head>
        <body>
        <script src="/directline.js"></script>
        <script>
          window.statuses = [];
          window.received = [];
          const directLine = new window.DirectLine.DirectLine({ domain: 'BOT_ORIGIN/v3/directline', webSocket: true });
          directLine.connectionStatus$.subscribe(s => window.statuses.push(s));
          directLine.activity$.subscribe(a => window.received.push({ id: a.id, text: a.text }));
          window.post = activity => new Promise((resolve, reject) =>
            directLine.postActivity(Object.assign({ from: { id: 'visitor' } }, activity)).subscribe(resolve, e => reject(new Error('post failed: ' + (e && e.status)))));
        </script>
        </body>
        </html>
        """.Replace("BOT_ORIGIN", bot.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);

    private static Task WaitForTextAsync(IPage page, string text) =>
        page.WaitForFunctionAsync("text => window.received.some(a => a.text === text)", text);

    public async Task DisposeAsync()
    {
        host?.Dispose();
        if (site is not null)
            await site.DisposeAsync();
    }
}
