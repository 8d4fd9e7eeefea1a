using Microsoft.Playwright;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// The chat page in headless Chromium (Debian's <c>chromium</c>, driven by Playwright's bundled driver; no
/// browser download). Without the browser the test is skipped outside CI and fails in CI.
/// </summary>
public sealed class The_chat_page_in_a_real_browser : IDisposable
{
    private readonly Infrastructure.BotHost host = WebChatHost.Start(new() { ["WebChat:PollIntervalMs"] = "200" });

    [BrowserFact]
    public async Task A_link_opens_a_chat_where_messages_and_suggested_replies_get_answers()
    {
        if (!ChromiumPresent())
            return;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(new Uri(host.BaseAddress, "/chat?t=demo-link-token").ToString());

        var log = page.Locator("#log");
        await Assertions.Expect(log.Locator("li.bot").First).ToContainTextAsync("Welcome! Your link was recognised.");
        Assert.DoesNotContain("demo-link-token", page.Url, StringComparison.Ordinal);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        await page.GetByLabel("Your message").FillAsync("<b>bold?</b>");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(log.Locator("li.bot").Nth(1)).ToContainTextAsync("echo: <b>bold?</b>");
        Assert.Equal(0, await log.Locator("b").CountAsync());
        await Assertions.Expect(log.Locator("li.user.pending")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Yes" }).ClickAsync();
        await Assertions.Expect(log.Locator("li.bot").Nth(2)).ToContainTextAsync("echo: yes");

        await page.GetByLabel("Your message").FillAsync("invoice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var reply = log.Locator("li.bot").Nth(3);
        await Assertions.Expect(reply.Locator("img[alt='GiroCode']")).ToHaveCountAsync(1);
        await Assertions.Expect(reply.Locator("a")).ToHaveAttributeAsync("href", "https://example.invalid/invoice.pdf");
        await Assertions.Expect(reply.Locator("a")).ToHaveAttributeAsync("rel", "noopener noreferrer");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_german_browser_gets_the_german_page_and_greeting()
    {
        if (!ChromiumPresent())
            return;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" })).NewPageAsync();

        await page.GotoAsync(new Uri(host.BaseAddress, "/chat").ToString());

        await Assertions.Expect(page.Locator("#log li.bot").First).ToContainTextAsync("Bitte geben Sie Ihren Zugangscode ein.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Senden" })).ToBeEnabledAsync();
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
    }

    private static bool ChromiumPresent() => HeadlessChromium.Present();

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => HeadlessChromium.LaunchAsync(playwright);

    public void Dispose() => host.Dispose();
}
