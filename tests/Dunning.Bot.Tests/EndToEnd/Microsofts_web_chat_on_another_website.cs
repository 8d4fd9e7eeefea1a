using System.Collections.Concurrent;
using System.Text.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Channels.WebChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>
/// Bot Framework Web Chat 4.18.1 — Microsoft's published bundle from npm, unchanged — embedded on the owner's website
/// (another origin: a second Kestrel) in headless Chromium, talking to the real bot: connect anonymously, join with the
/// reminder's link, ask, get the payment details with their line breaks and the GiroCode whole, click suggested actions,
/// and keep chatting after the stream's token expired and Web Chat reconnected with its refreshed token.
/// </summary>
public sealed class Microsofts_web_chat_on_another_website : IAsyncLifetime
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = EndToEndHost.NewClock();
    private OtherWebsite? site;
    private Infrastructure.BotHost? host;

    public async Task InitializeAsync()
    {
        site = await OtherWebsite.StartAsync();
        host = EndToEndHost.Start(clock, settings: new() { ["WebChat:AllowedOrigins:0"] = site.Origin });
    }

    [WebClientsFact]
    public async Task Web_chat_connects_joins_answers_shows_the_girocode_whole_takes_a_click_and_reconnects()
    {
        if (!HeadlessChromium.Present() || !MicrosoftWebClients.Present())
            return;
        using var owner = host!.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-800", "Eric Example", "en", "RE-2026-800", 1200m);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync();
        var errors = new ConcurrentQueue<string>();
        var sockets = new ConcurrentQueue<IWebSocket>();
        page.PageError += (_, e) => errors.Enqueue(e);
        page.WebSocket += (_, ws) => sockets.Enqueue(ws);

        await page.GotoAsync(site!.Page("shop", WebChatPage(host!.BaseAddress, debtor.LinkToken)));

        var bot = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content");
        await Assertions.Expect(bot.First).ToContainTextAsync("Hello Eric Example, thank you for getting in touch.");
        Assert.StartsWith(host.BaseAddress.GetLeftPart(UriPartial.Authority).Replace("http", "ws", StringComparison.Ordinal), Assert.Single(sockets).Url, StringComparison.Ordinal);

        await SayAsync(page, "How much do I still owe?");
        await Assertions.Expect(bot.Nth(1)).ToContainTextAsync("RE-2026-800");
        await Assertions.Expect(bot.Nth(1)).ToContainTextAsync("€1,200.00");

        await SayAsync(page, "What are your bank details?");
        var details = bot.Nth(2);
        await Assertions.Expect(details).ToContainTextAsync("DE89 3704 0044 0532 0130 00");
        // Plain text: each line its own paragraph (as Markdown, IBAN, BIC and bank would run into one line).
        await Assertions.Expect(details.Locator("p", new() { HasText = "IBAN:" })).Not.ToContainTextAsync("BIC:");
        await Assertions.Expect(details.Locator("p", new() { HasText = "BIC: COBADEFFXXX" })).ToHaveCountAsync(1);
        await AssertGiroCodeWholeAsync(page);
        await page.SetViewportSizeAsync(390, 844);
        await AssertGiroCodeWholeAsync(page);
        await page.SetViewportSizeAsync(1366, 900);

        await SayAsync(page, "Can I pay in 12 instalments?");
        await Assertions.Expect(bot.Nth(4)).ToContainTextAsync("I can agree to at most 6 instalments myself.");
        var each = OpenClaim.FirstInstalment(await OpenClaim.OfAsync(host.Services, debtor.Id), 6);
        var suggested = page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" });
        await suggested.GetByRole(AriaRole.Button, new() { Name = $"6 instalments of {OpenClaim.Euros(each, "en")} from 30 November 2026" }).ClickAsync();
        await Assertions.Expect(bot.Nth(5)).ToContainTextAsync("Shall I record it like that?");
        await suggested.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        await Assertions.Expect(bot.Nth(6)).ToContainTextAsync("Agreed for invoice RE-2026-800.");
        var agreement = Assert.Single(await host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        Assert.Equal((AgreementState.Active, 6), (agreement.State, agreement.Schedule.Count));

        // Reconnect: Web Chat refreshes its token after 15 minutes; when the first token expires the host closes the
        // stream it opened ("expired"), and Web Chat reconnects with the refreshed token from its watermark.
        await TwoClocks.RefreshThenOutliveTheFirstTokenAsync(page, clock, Assert.Single(sockets));
        await TwoClocks.UntilAsync(() => sockets.Count == 2 && !sockets.Last().IsClosed, "Web Chat to open a new stream");

        await SayAsync(page, "How much do I still owe?");
        await Assertions.Expect(bot.Nth(7)).ToContainTextAsync("RE-2026-800");
        await Assertions.Expect(bot).ToHaveCountAsync(8);
        Assert.Empty(errors);
    }

    /// <summary>The embedding snippet of docs/channels.md: Web Chat from the owner's website, the chat from the bot's host.</summary>
    internal static string WebChatPage(Uri bot, string? linkToken) =>
        """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Muster Handwerk</title>
        <style>html, body { height: 100%; margin: 0 } #webchat { height: 100%; max-width: 40rem }</style></head>
        <body>
        <div id="webchat" role="main"></div>
        <script src="/webchat.js"></script>
        <script>
          const bot = 'BOT_ORIGIN';
          const join = { locale: 'en-GB', linkToken: LINK_TOKEN };
          const store = window.WebChat.createStore({}, ({ dispatch }) => next => action => {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED')
              dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: join } });
            return next(action);
          });
          window.WebChat.renderWebChat({
            directLine: window.WebChat.createDirectLine({ domain: bot + '/v3/directline' }),
            store,
            locale: 'en-GB'
          }, document.getElementById('webchat'));
        </script>
        </body>
        </html>
        """
            .Replace("BOT_ORIGIN", bot.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            .Replace("LINK_TOKEN", linkToken is null ? "undefined" : JsonSerializer.Serialize(linkToken), StringComparison.Ordinal);

    private static async Task SayAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    /// <summary>The last image in the transcript has loaded and lies wholly inside the box Web Chat clips it to.</summary>
    private static async Task AssertGiroCodeWholeAsync(IPage page)
    {
        var image = page.Locator(".webchat__stacked-layout__attachment-row img").Last;
        await Assertions.Expect(image).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync());
        var geometry = await image.EvaluateAsync<JsonElement>(
            """
            img => {
              const box = img.parentElement.getBoundingClientRect(), r = img.getBoundingClientRect();
              return { natural: img.naturalWidth / img.naturalHeight, top: r.top - box.top, bottom: box.bottom - r.bottom, height: r.height };
            }
            """);
        Assert.Equal(2.0, geometry.GetProperty("natural").GetDouble(), 2);
        Assert.True(geometry.GetProperty("top").GetDouble() >= -0.5, $"The GiroCode is cut at the top: {geometry}");
        Assert.True(geometry.GetProperty("bottom").GetDouble() >= -0.5, $"The GiroCode is cut at the bottom: {geometry}");
        Assert.True(geometry.GetProperty("height").GetDouble() >= 100, $"The GiroCode is too small to scan: {geometry}");
    }

    public async Task DisposeAsync()
    {
        host?.Dispose();
        if (site is not null)
            await site.DisposeAsync();
    }
}
