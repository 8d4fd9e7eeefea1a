using Dunning.Bot.Tests.Channels.WebChat;
using System.Text.Json;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Microsoft.Playwright;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// The whole escalation path in headless Chromium (Debian's <c>chromium</c>): the owner signs in; a debtor in the web
/// chat asks for a person; the escalation appears in the open inbox without a reload; the owner takes over, replies (the
/// debtor sees it), hands back, approves a deal and exports the case file. Without the browser the test is skipped
/// outside CI and fails in CI.
/// </summary>
public sealed class The_console_in_a_real_browser : IDisposable
{
    private readonly StaffHost host = new(new() { ["WebChat:PollIntervalMs"] = "200" });

    [BrowserFact]
    public async Task An_escalation_goes_from_the_chat_to_the_console_and_back()
    {
        if (!HeadlessChromium.Present())
            return;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var console = await (await browser.NewContextAsync(new() { AcceptDownloads = true, Locale = "en-GB" })).NewPageAsync();
        var chat = await (await browser.NewContextAsync(new() { Locale = "en-GB" })).NewPageAsync();
        console.PageError += (_, e) => errors.Add(e);
        chat.PageError += (_, e) => errors.Add(e);

        // The owner signs in and keeps the inbox open.
        await console.GotoAsync(Url("/console"));
        await console.GetByLabel("User name").FillAsync("olga");
        await console.GetByLabel("Password").FillAsync(StaffHost.Password);
        await console.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(console.Locator("h1")).ToHaveTextAsync("Inbox");
        await Assertions.Expect(console.Locator("#live")).ToHaveTextAsync("live");
        await Assertions.Expect(console.Locator("[data-escalation]")).ToHaveCountAsync(0);

        // The debtor opens their chat link and asks for a person.
        await chat.GotoAsync(Url("/chat?t=tok_d100_abcdefghijklmnop"));
        await Assertions.Expect(chat.Locator("#log li.bot").First).ToBeVisibleAsync();
        // Erika is a German debtor: after linking the page speaks German until she writes English.
        await chat.Locator("#input").FillAsync("I want to talk to a real person");
        await chat.Keyboard.PressAsync("Enter");
        await Assertions.Expect(chat.Locator("#log li.bot").Nth(1)).ToBeVisibleAsync();

        // It appears in the open inbox, live.
        var row = console.Locator("[data-escalation]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Erika Muster");
        await Assertions.Expect(row).ToContainTextAsync("Asks for a person");

        // Take over and reply: the debtor sees it.
        await row.GetByRole(AriaRole.Link, new() { Name = "open conversation" }).ClickAsync();
        await Assertions.Expect(console.Locator("#transcript")).ToContainTextAsync("I want to talk to a real person");
        await console.GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();
        await Assertions.Expect(console.Locator("[data-handoff]")).ToHaveTextAsync("Taken over (olga)");
        await console.GetByLabel("Reply as olga").FillAsync("Good morning, this is Olga from the office. How can I help?");
        await console.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(chat.Locator("#log li.notice").Last).ToContainTextAsync("olga has joined the chat");
        await Assertions.Expect(chat.Locator("#log li.staff").Last).ToContainTextAsync("this is Olga from the office");

        // The debtor answers; the bot stays silent and the console shows it.
        await chat.GetByLabel("Your message").FillAsync("I can pay on 10 December");
        await chat.Keyboard.PressAsync("Enter");
        await Assertions.Expect(console.Locator("#transcript")).ToContainTextAsync("I can pay on 10 December");

        // Hand back: the bot speaks again (in English: the debtor writes English).
        await console.GetByRole(AriaRole.Button, new() { Name = "Hand back to the bot" }).ClickAsync();
        await Assertions.Expect(console.Locator("[data-handoff]")).ToHaveTextAsync("Bot");
        await Assertions.Expect(chat.Locator("#log li.bot").Last).ToContainTextAsync("Thank you for talking with our team.");

        // Approve the deal Olga agreed on the phone; the debtor gets the written confirmation.
        var agreementId = await ProposeAsync();
        await console.GotoAsync(Url("/console/cases/" + StaffHost.DebtorId));
        await console.Locator($"form[data-approve='{agreementId}'] button").ClickAsync();
        await Assertions.Expect(console.Locator(".flash")).ToContainTextAsync("Agreement approved. The debtor was told in the web chat.");
        await Assertions.Expect(console.Locator($"[data-agreement='{agreementId}']")).ToContainTextAsync("Active by olga");
        await Assertions.Expect(chat.Locator("#log li.bot").Last).ToContainTextAsync("You pay €119.00 by 10 December 2026.");

        // Export the case file and read it.
        var download = await console.RunAndWaitForDownloadAsync(() => console.GetByRole(AriaRole.Link, new() { Name = "Case file (JSON)" }).ClickAsync());
        var path = await download.PathAsync();
        var file = JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement;
        Assert.Equal("case-file-D-100.json", download.SuggestedFilename);
        Assert.Equal("Active", file.GetProperty("agreements")[0].GetProperty("state").GetString());
        Assert.Equal("olga", file.GetProperty("agreements")[0].GetProperty("decidedBy").GetString());
        var messages = file.GetProperty("transcript").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Contains("I want to talk to a real person", messages);
        Assert.Contains("Good morning, this is Olga from the office. How can I help?", messages);
        Assert.Contains("I can pay on 10 December", messages);
        var pdf = await console.RunAndWaitForDownloadAsync(() => console.GetByRole(AriaRole.Link, new() { Name = "Case file (PDF)" }).ClickAsync());
        Assert.Equal("%PDF-"u8.ToArray(), (await File.ReadAllBytesAsync(await pdf.PathAsync()))[..5]);
        Assert.Empty(errors);
    }

    private string Url(string path) => new Uri(host.Host.BaseAddress, path).ToString();

    private async Task<string> ProposeAsync()
    {
        var debtor = await host.Get<IDebtorStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None);
        var terms = new NegotiationTerms(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 12, 10), 119m)]);
        await host.Get<AgreementDesk>().ProposeAsync(debtor!, terms, [StaffHost.InvoiceNumber], EscalationReason.ApprovalRequired, "deferral", null, CancellationToken.None);
        return (await host.Get<IAgreementStore>().ListByStateAsync(AgreementState.AwaitingApproval, CancellationToken.None)).Single().Id;
    }

    public void Dispose() => host.Dispose();
}
