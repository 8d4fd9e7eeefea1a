using System.Text.RegularExpressions;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Channels.Email;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.EndToEnd;
using Microsoft.Playwright;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// Every console page in headless Chromium at 1366×900, in German and in English: the labels in the staff member's
/// language (the German console shows none of the English labels), nothing wider than the window, the pending
/// decision first and a clean address after deciding, the access code and chat links, the transcript with pictures,
/// buttons and line breaks, the reply box in view after sending, and the live badge only where pages update
/// themselves. Screenshots are taken and decoded; with DUNNING_DOCS_SCREENSHOTS=1 the German case page is written to
/// docs/console-de.png. Without the browser the tests are skipped outside CI and fail in CI.
/// </summary>
public sealed class The_console_in_german_and_english_in_a_real_browser : IDisposable
{
    /// <summary>English console labels that must not appear in the German console (whole words, case-sensitive).</summary>
    private static readonly string[] EnglishLabels =
    [
        "Inbox", "Cases", "Insights", "Audit log", "Sign out", "Open escalations", "Debtor", "Reason", "Priority", "Time left", "Approve", "Reject",
        "Invoices", "Invoice", "Due now", "Principal", "Interest", "Fees", "Written off", "Paid", "Overdue", "Not yet due", "Agreements", "Escalations",
        "History", "Actions", "Record payment", "Write off", "Pause reminders", "Take over", "Send", "Hand back", "Who answers", "Waiting for",
        "Asks for a person", "Deferral", "web chat", "Access code", "Web chat link", "Stage", "Next step", "Open", "Show", "Reset", "Customer number",
        "Personal data", "Erase", "Case file", "live", "offline", "reconnecting", "left", "overdue", "none yet", "Friendly reminder", "Taken over",
        "RequestHuman", "ApprovalRequired", "AwaitingApproval", "InstalmentPlan", "reminder.friendly", "EUR", "UTC", "Proof of payment", "None sent",
    ];

    private readonly StaffHost host = new(new()
    {
        ["WebChat:PollIntervalMs"] = "200",
        ["Telegram:BotUsername"] = "muster_bot",
        ["Payee:AccountHolder"] = "Muster Handwerk GmbH",
        ["Payee:Iban"] = "DE89370400440532013000",
        ["Payee:Bic"] = "COBADEFFXXX",
        ["Payee:BankName"] = "Commerzbank",
    });

    [BrowserFact]
    public Task In_German_every_page_speaks_german_fits_the_window_and_shows_what_happened() => EveryPageAsync("de-DE");

    [BrowserFact]
    public Task In_English_every_page_speaks_english_fits_the_window_and_shows_what_happened() => EveryPageAsync("en-GB");

    private async Task EveryPageAsync(string locale)
    {
        if (!HeadlessChromium.Present())
            return;
        var german = locale.StartsWith("de", StringComparison.Ordinal);
        var key = await DebtorTalksAndAsksForAPersonAsync();
        var agreementId = await ProposeAsync();
        // An audit entry with long unbroken JSON, the kind that used to push the audit table past the window.
        var wide = "{\"pause\":\"" + new string('x', 300) + "\",\"paid\":119.00,\"writtenOff\":0,\"settledOn\":null}";
        await host.Get<Dunning.Bot.Staff.Audit.IAuditLog>().WriteAsync(new(host.Clock.GetUtcNow(), "olga", "pause", "invoice RE-100", wide, wide) { DebtorId = StaffHost.DebtorId },
            CancellationToken.None);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { Locale = locale, ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
                errors.Add(m.Text);
        };

        await page.GotoAsync(Url("/console"));
        await CheckAsync(page, german, live: false);
        await page.GetByLabel(german ? "Benutzername" : "User name").FillAsync("olga");
        await page.GetByLabel(german ? "Passwort" : "Password").FillAsync(StaffHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = german ? "Anmelden" : "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(german ? "Eingang" : "Inbox");
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync(german ? "aktuell" : "live");
        await CheckAsync(page, german, live: true);

        await page.GotoAsync(Url("/console/cases"));
        await Assertions.Expect(page.Locator("[data-debtor='D-100']")).ToContainTextAsync(german ? "119,00 €" : "€119.00");
        await Assertions.Expect(page.Locator("[data-debtor='D-100']")).ToContainTextAsync(german ? "Wartet auf Sie" : "Needs you");
        await CheckAsync(page, german, live: false);
        await page.GetByRole(AriaRole.Link, new() { Name = "Erika Muster" }).ClickAsync();

        // The case: the decision first, the access code and links, then the figures.
        var decisions = await page.Locator("#decisions").BoundingBoxAsync();
        var invoices = await page.Locator("table.invoices").BoundingBoxAsync();
        Assert.True(decisions!.Y < invoices!.Y, "The pending decision stands above the invoices.");
        await Assertions.Expect(page.Locator("[data-access-code]")).ToHaveTextAsync("AC100");
        await Assertions.Expect(page.Locator("[data-telegram-link]")).ToHaveAttributeAsync("href", "https://t.me/muster_bot?start=tok_d100_abcdefghijklmnop");
        await CheckAsync(page, german, live: true);
        var shot = await page.ScreenshotAsync(new() { FullPage = true });
        Assert.Equal(1366, PngFile.Decode(shot).Width);
        if (german && Environment.GetEnvironmentVariable("DUNNING_DOCS_SCREENSHOTS") == "1")
            await File.WriteAllBytesAsync(Path.Combine(MailServer.RepositoryRoot(), "docs", "console-de.png"), await page.ScreenshotAsync());
        await page.Locator($"#decisions form[data-approve='{agreementId}'] button").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync(german ? "Vereinbarung genehmigt." : "Agreement approved.");
        Assert.DoesNotContain("handler", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#decisions")).ToHaveCountAsync(0);
        await CheckAsync(page, german, live: true);

        // The conversation as the debtor saw it; after sending, the page stays at the reply box.
        // A lower window, so the page is taller than it and a jump to the top would show.
        await page.SetViewportSizeAsync(1366, 600);
        await page.GotoAsync(Url("/console/conversation?key=" + Uri.EscapeDataString(key)));
        var thumb = page.Locator("img.thumb").First;
        await Assertions.Expect(thumb).ToBeVisibleAsync();
        Assert.True(await thumb.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width <= 120"), "The GiroCode shows as a thumbnail.");
        await Assertions.Expect(page.Locator("#transcript ul.buttons li").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#transcript .text").EvaluateAllAsync<bool>(
            "els => els.some(e => e.innerText.includes('\\n') && getComputedStyle(e).whiteSpace === 'pre-wrap')"), "Line breaks are kept.");
        await CheckAsync(page, german, live: true);
        await page.GetByRole(AriaRole.Button, new() { Name = german ? "Übernehmen" : "Take over" }).ClickAsync();
        await page.Locator("#reply-text").FillAsync(german ? "Guten Tag, hier ist Olga." : "Good morning, this is Olga.");
        await page.GetByRole(AriaRole.Button, new() { Name = german ? "Senden" : "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#transcript")).ToContainTextAsync(german ? "hier ist Olga" : "this is Olga");
        Assert.EndsWith("#reply", page.Url, StringComparison.Ordinal);
        var where = await page.EvaluateAsync<string>("() => { const r = document.getElementById('reply').getBoundingClientRect(); return [r.top, r.bottom, window.scrollY, document.documentElement.scrollHeight, window.innerHeight].join(' '); }");
        // The browser scrolls to #reply once the redirected page has laid out; wait for that (up to 15 s) before judging.
        const string replyInView = "() => { const r = document.getElementById('reply').getBoundingClientRect(); const tall = document.documentElement.scrollHeight > window.innerHeight + 10; return (!tall || window.scrollY > 0) && r.top >= 0 && r.top < window.innerHeight; }";
        try
        {
            await page.WaitForFunctionAsync(replyInView, null, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // judged below, with the positions in the message
        }
        Assert.True(await page.EvaluateAsync<bool>(replyInView),
            "After sending, the reply box is in view, not the top of the page (top, bottom, scrollY, height, viewport: " + where + ").");

        await page.SetViewportSizeAsync(1366, 900);
        foreach (var still in new[] { "/console/audit", "/console/insights" })
        {
            await page.GotoAsync(Url(still));
            await CheckAsync(page, german, live: false);
        }
        Assert.Equal(1366, PngFile.Decode(await page.ScreenshotAsync(new() { FullPage = true })).Width);
        Assert.Empty(errors);
    }

    /// <summary>
    /// Nothing wider than the window; the live badge exactly where pages update; no English label in German. With
    /// DUNNING_SCREENSHOT_DIR set, each checked page is also saved there (for looking at the layout).
    /// </summary>
    private static async Task CheckAsync(IPage page, bool german, bool live)
    {
        if (Environment.GetEnvironmentVariable("DUNNING_SCREENSHOT_DIR") is { Length: > 0 } folder)
        {
            var name = Regex.Replace(new Uri(page.Url).PathAndQuery, "[^a-zA-Z0-9]+", "-").Trim('-');
            await page.ScreenshotAsync(new() { FullPage = true, Path = Path.Combine(folder, $"{(german ? "de" : "en")}-{name}.png") });
        }
        var overflow = await page.EvaluateAsync<string[]>(@"() => {
            const wide = [];
            if (document.documentElement.scrollWidth > window.innerWidth) wide.push('page ' + document.documentElement.scrollWidth);
            document.querySelectorAll('table, section, form').forEach(e => {
                const parent = e.parentElement;
                if (e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth) wide.push(e.tagName + '#' + e.id + '.' + e.className);
            });
            return wide; }");
        Assert.True(overflow.Length == 0, $"{page.Url}: wider than 1366 px: {string.Join(", ", overflow)}");
        Assert.Equal(live ? 1 : 0, await page.Locator("#live").CountAsync());
        if (!german)
            return;
        // Every text node on its own (table cells must not run together), plus placeholders, titles and labels; what people
        // wrote and the bot's own English records (marked lang=en) are not labels.
        var text = await page.EvaluateAsync<string>(@"() => {
            const skip = e => e.closest('#transcript, script, [lang=en]');
            const parts = [document.title];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skip(n.parentElement)) parts.push(n.textContent);
            document.querySelectorAll('[placeholder],[title],[aria-label]').forEach(e => {
                if (!skip(e)) parts.push(e.getAttribute('placeholder') || '', e.getAttribute('title') || '', e.getAttribute('aria-label') || ''); });
            return parts.join(' | '); }");
        var english = EnglishLabels.Where(label => Regex.IsMatch(text, $@"(?<![\p{{L}}.]){Regex.Escape(label)}(?![\p{{L}}])")).ToList();
        Assert.True(english.Count == 0, $"{page.Url}: English in the German console: {string.Join(", ", english)}");
    }

    private string Url(string path) => new Uri(host.Host.BaseAddress, path).ToString();

    /// <summary>The debtor asks for the bank details (a GiroCode and a multi-line answer) and then for a person.</summary>
    private async Task<string> DebtorTalksAndAsksForAPersonAsync()
    {
        var chat = await host.LinkedChatAsync();
        await chat.SayAsync("What are your bank details?", "c2");
        await chat.SayAsync("I want to talk to a real person", "c3");
        var key = ConversationLink.KeyFor("webchat", chat.ConversationId);
        await host.Get<ITranscriptStore>().AppendAsync(new TranscriptEntry(key, StaffHost.DebtorId, host.Clock.GetUtcNow(), TranscriptDirection.Outbound, "message",
            "Would you like to pay now?", "Dunning.Bot") { Buttons = ["Pay now", "Talk to a person"] }, CancellationToken.None);
        return key;
    }

    private async Task<string> ProposeAsync()
    {
        var debtor = await host.Get<IDebtorStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None);
        var terms = new NegotiationTerms(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 12, 10), 119m)]);
        await host.Get<AgreementDesk>().ProposeAsync(debtor!, terms, [StaffHost.InvoiceNumber], EscalationReason.ApprovalRequired, "deferral", null, CancellationToken.None);
        return (await host.Get<IAgreementStore>().ListByStateAsync(AgreementState.AwaitingApproval, CancellationToken.None)).Single().Id;
    }

    public void Dispose() => host.Dispose();
}
