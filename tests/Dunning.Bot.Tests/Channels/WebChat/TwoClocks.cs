using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// The browser's clock (Playwright's, installed before the page loads) and the host's <see cref="FakeTimeProvider"/>,
/// moved together, so a directlinejs client lives through token refreshes and expiries in seconds.
/// </summary>
internal static class TwoClocks
{
    /// <summary>
    /// 16 minutes on: directlinejs refreshes its token (every 15); 15 more on the host: the stream's first token (30)
    /// expires and the host closes that stream; 20 s more in the browser: directlinejs reconnects (after 3–15 s) with the
    /// refreshed token and gets a new stream URL.
    /// </summary>
    public static async Task RefreshThenOutliveTheFirstTokenAsync(IPage page, FakeTimeProvider clock, IWebSocket stream)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(stream);
        clock.Advance(TimeSpan.FromMinutes(16));
        await page.RunAndWaitForResponseAsync(() => page.Clock.FastForwardAsync("16:00"),
            r => r.Url.EndsWith("/tokens/refresh", StringComparison.Ordinal) && r.Status == 200);
        clock.Advance(TimeSpan.FromMinutes(15));
        await UntilAsync(() => stream.IsClosed, "the stream to close when its token expired");
        await page.RunAndWaitForResponseAsync(() => page.Clock.FastForwardAsync("00:20"), IsReconnect);
    }

    /// <summary>Direct Line's reconnect: <c>GET …/conversations/{id}?watermark=</c>.</summary>
    public static bool IsReconnect(IResponse response) =>
        response is not null && response.Request.Method == "GET" && response.Url.Contains("/v3/directline/conversations/", StringComparison.Ordinal)
        && response.Url.Contains("?watermark=", StringComparison.Ordinal);

    /// <summary>Waits (up to 15 s) until <paramref name="condition"/> holds; fails naming <paramref name="what"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var i = 0; i < 300 && !condition(); i++)
            await Task.Delay(50);
        Assert.True(condition(), $"Timed out waiting for {what}.");
    }
}
