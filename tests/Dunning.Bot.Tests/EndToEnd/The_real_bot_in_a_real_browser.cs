using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Channels.WebChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>The chat page in headless Chromium talking to the real bot: a reminder's link, a typed question, a button.</summary>
public sealed class The_real_bot_in_a_real_browser : IDisposable
{
    private readonly Infrastructure.BotHost host = EndToEndHost.Start(EndToEndHost.NewClock(), settings: new() { ["WebChat:PollIntervalMs"] = "200" });

    [BrowserFact]
    public async Task A_reminder_link_greets_by_name_answers_a_question_and_agrees_to_a_pressed_offer()
    {
        if (!HeadlessChromium.Present())
            return;
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-600", "Eric Example", "en", "RE-2026-600", 1200m);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" })).NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(new Uri(host.BaseAddress, "/chat?t=" + Uri.EscapeDataString(debtor.LinkToken)).ToString());

        var bot = page.Locator("#log li.bot");
        await Assertions.Expect(bot.First).ToContainTextAsync("Hello Eric Example, thank you for getting in touch.");
        Assert.DoesNotContain(debtor.LinkToken, page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Your message").FillAsync("How much do I still owe?");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(bot.Nth(1)).ToContainTextAsync("RE-2026-600");
        await Assertions.Expect(bot.Nth(1)).ToContainTextAsync("€1,200.00");

        await page.GetByLabel("Your message").FillAsync("Can I pay in 12 instalments?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(bot.Nth(2)).ToContainTextAsync("I can agree to at most 6 instalments myself.");
        var each = OpenClaim.FirstInstalment(await OpenClaim.OfAsync(host.Services, debtor.Id), 6);
        await page.GetByRole(AriaRole.Button, new() { Name = $"6 instalments of {OpenClaim.Euros(each, "en")} from 30 November 2026" }).ClickAsync();
        await Assertions.Expect(bot.Nth(3)).ToContainTextAsync("Shall I record it like that?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        await Assertions.Expect(bot.Nth(4)).ToContainTextAsync("Agreed for invoice RE-2026-600.");

        var agreement = Assert.Single(await host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        Assert.Equal((AgreementState.Active, 6), (agreement.State, agreement.Schedule.Count));
        Assert.Empty(errors);
    }

    public void Dispose() => host.Dispose();
}
