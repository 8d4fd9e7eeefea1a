using System.Text.Json;
using Dunning.Bot.Tests.EndToEnd;
using Microsoft.Playwright;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// The two screens the chat page is checked on (a phone at 390×844 with touch, a desktop at 1366×900), the layout check
/// that nothing is cut off or scrolls sideways, and screenshots: written next to the test binaries (<c>screenshots/</c>)
/// and decoded to prove they show the whole viewport. With <c>DUNNING_DOCS_SCREENSHOTS=&lt;dir&gt;</c> the phone shots are
/// also written there (how docs/chat-phone.png is made).
/// </summary>
internal static class ChatScreens
{
    public static readonly (int Width, int Height) Phone = (390, 844);
    public static readonly (int Width, int Height) Desktop = (1366, 900);

    public static BrowserNewContextOptions Options(int width, string locale) => new()
    {
        Locale = locale,
        ViewportSize = new ViewportSize { Width = width, Height = width == Phone.Width ? Phone.Height : Desktop.Height },
        DeviceScaleFactor = 1,
        IsMobile = width == Phone.Width,
        HasTouch = width == Phone.Width,
        Permissions = ["clipboard-read", "clipboard-write"],
    };

    /// <summary>
    /// Fails naming every visible element of the page whose box reaches past the left or right edge of the viewport, and
    /// when the page scrolls sideways.
    /// </summary>
    public static async Task AssertNothingCutOffAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement>("""
            () => {
              const width = document.documentElement.clientWidth, bad = [];
              for (const el of document.querySelectorAll('.chat *')) {
                if (el.closest('.visually-hidden') || el.closest('[hidden]')) continue;
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                if (r.left < -0.5 || r.right > width + 0.5) bad.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
              }
              return { bad, sideways: document.documentElement.scrollWidth - width };
            }
            """);
        var bad = result.GetProperty("bad").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(bad.Count == 0, "Cut off at the viewport's edge: " + string.Join("; ", bad));
        Assert.True(result.GetProperty("sideways").GetInt32() <= 0, "The page scrolls sideways.");
    }

    /// <summary>True when every box of the selected elements is one line: the text was not broken inside it.</summary>
    public static Task<bool> EachOnOneLineAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => [...document.querySelectorAll(s)].every(e => e.getClientRects().length === 1)", selector);

    /// <summary>True when the element lies wholly inside the visible part of the message log.</summary>
    public static Task<bool> WhollyVisibleInLogAsync(ILocator element) =>
        element.EvaluateAsync<bool>("""
            e => { const r = e.getBoundingClientRect(), l = document.getElementById('log').getBoundingClientRect();
                   return r.height > 0 && r.top >= l.top - 1 && r.bottom <= l.bottom + 1 && r.left >= l.left - 1 && r.right <= l.right + 1; }
            """);

    /// <summary>Scrolls the log to its end, takes a screenshot of the viewport, saves it and checks it decodes to the viewport's size.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => { const log = document.getElementById('log'); log.scrollTop = log.scrollHeight; }");
        var png = await page.ScreenshotAsync();
        var viewport = page.ViewportSize!;
        Assert.Equal((viewport.Width, viewport.Height), PngFile.Decode(png));
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), png);
        if (Environment.GetEnvironmentVariable("DUNNING_DOCS_SCREENSHOTS") is { Length: > 0 } docs && viewport.Width == Phone.Width)
            await File.WriteAllBytesAsync(Path.Combine(docs, name + ".png"), png);
    }
}
