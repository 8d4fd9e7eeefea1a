using Dunning.Bot.Channels.Teams.Package;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Staff.Actions;
using Dunning.Bot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// The debtor's side of the chat in headless Chromium, on a phone (390×844) and a desktop (1366×900), in German and
/// English, against the real bot: the page follows the debtor's language, names the creditor, shows the payment details
/// as a card with copy buttons and the whole GiroCode, and shows a person from the team under their own name. Every
/// screen is checked for anything cut off at the viewport's edge and kept as a screenshot.
/// </summary>
public sealed class The_debtor_chat_on_a_phone_and_a_desktop : IDisposable
{
    private const string Creditor = "Muster Handwerk GmbH";
    private readonly string logo = Path.Combine(Path.GetTempPath(), $"dunning-logo-{Guid.NewGuid():N}.png");
    private readonly Infrastructure.BotHost host;
    private int debtors;

    public The_debtor_chat_on_a_phone_and_a_desktop()
    {
        File.WriteAllBytes(logo, TeamsAppIcons.Color());
        host = EndToEndHost.Start(EndToEndHost.NewClock(), settings: new()
        {
            ["WebChat:PollIntervalMs"] = "200",
            ["Creditor:Name"] = Creditor,
            ["Creditor:Phone"] = "+49 30 1234567",
            ["Creditor:Email"] = "buchhaltung@muster-handwerk.example",
            ["Creditor:Website"] = "https://muster-handwerk.example",
            ["Bot:LogoPath"] = logo,
        });
    }

    public static TheoryData<int, string> Screens => new()
    {
        { ChatScreens.Phone.Width, "de" },
        { ChatScreens.Phone.Width, "en" },
        { ChatScreens.Desktop.Width, "de" },
        { ChatScreens.Desktop.Width, "en" },
    };

    [BrowserTheory]
    [MemberData(nameof(Screens))]
    public async Task The_page_speaks_the_browsers_language_until_the_code_binds_it_then_the_debtors_and_names_the_creditor(int width, string language)
    {
        if (!HeadlessChromium.Present())
            return;
        var debtor = await DebtorAsync(language);
        var browserLocale = language == "de" ? "en-GB" : "de-DE"; // the browser speaks the other language
        await using var chat = await ChatAsync(width, browserLocale, null);
        var page = chat.Page;

        await Assertions.Expect(page.Locator("#input")).ToHaveAttributeAsync("placeholder", language == "de" ? "Type a message …" : "Nachricht schreiben …");
        await page.Locator("#input").FillAsync(debtor.AccessCode);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#log li.bot").Nth(1)).ToContainTextAsync(language == "de" ? "Guten Tag, " : "Hello ");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page.Locator("#input")).ToHaveAttributeAsync("placeholder", language == "de" ? "Nachricht schreiben …" : "Type a message …");
        await Assertions.Expect(page.Locator("#send")).ToHaveTextAsync(language == "de" ? "Senden" : "Send");
        await Assertions.Expect(page.Locator("#title")).ToHaveTextAsync(language == "de" ? "Fragen zu Ihrer Rechnung" : "Questions about your invoice");
        await Assertions.Expect(page.Locator("#creditor")).ToHaveTextAsync(Creditor);
        Assert.StartsWith(Creditor, await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("img.logo").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "the logo loads");
        var phone = page.Locator("#contact a[href='tel:+49301234567']");
        await Assertions.Expect(phone.Locator(width == ChatScreens.Phone.Width ? ".short" : ".full")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator(".full")).ToHaveTextAsync("+49 30 1234567");
        await Assertions.Expect(phone.Locator(".short")).ToHaveTextAsync(language == "de" ? "Anrufen" : "Call");
        await Assertions.Expect(page.Locator("#contact a[href='mailto:buchhaltung@muster-handwerk.example']")).ToHaveAttributeAsync("aria-label",
            (language == "de" ? "E-Mail schreiben" : "Send an e-mail") + ": buchhaltung@muster-handwerk.example");
        await Assertions.Expect(page.Locator("#contact a[data-label='website'] .full")).ToHaveTextAsync("muster-handwerk.example");

        var favicon = await page.APIRequest.GetAsync(Url("/favicon.ico"));
        Assert.Equal(200, favicon.Status);
        Assert.Equal("image/png", favicon.Headers["content-type"]);
        Assert.True(PngFile.Decode(await favicon.BodyAsync()).Width > 0);
        await ChatScreens.AssertNothingCutOffAsync(page);
        await ChatScreens.ScreenshotAsync(page, $"chat-linked-{width}-{language}");
        chat.AssertClean();
    }

    [BrowserTheory]
    [MemberData(nameof(Screens))]
    public async Task Payment_details_come_as_a_card_with_copy_buttons_unbroken_values_and_the_whole_girocode(int width, string language)
    {
        if (!HeadlessChromium.Present())
            return;
        var debtor = await DebtorAsync(language);
        await using var chat = await ChatAsync(width, language == "de" ? "de-DE" : "en-GB", debtor.LinkToken);
        var page = chat.Page;
        await Assertions.Expect(page.Locator("#log li.bot").First).ToBeVisibleAsync();

        await page.Locator("#input").FillAsync(language == "de" ? "Wie kann ich bezahlen?" : "How can I pay?");
        await page.Keyboard.PressAsync("Enter");

        var card = page.Locator("#log .pay");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator("h2")).ToHaveTextAsync(language == "de" ? "Zahlungsdaten" : "Payment details");
        Assert.Equal(["DE89", "3704", "0044", "0532", "0130", "00"], await card.Locator(".iban .nowrap").AllTextContentsAsync());
        Assert.True(await ChatScreens.EachOnOneLineAsync(page, ".pay .iban .nowrap"), "an IBAN group is broken across lines");
        await Assertions.Expect(card.Locator(".reference")).ToHaveTextAsync("RE-2026-7" + debtors);
        Assert.True(await ChatScreens.EachOnOneLineAsync(page, ".pay .reference .nowrap"), "the reference is broken at its hyphen");

        var code = card.Locator(".girocode img");
        await Assertions.Expect(code).ToHaveAttributeAsync("alt", language == "de" ? "GiroCode zum Scannen mit Ihrer Banking-App" : "GiroCode to scan with your banking app");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.pay .girocode img'); return i && i.complete && i.naturalWidth > 0; }");
        await page.WaitForTimeoutAsync(200); // the scroll that follows the image's load
        Assert.True(await ChatScreens.WhollyVisibleInLogAsync(code), "the GiroCode is not wholly in view");

        var copies = card.Locator("button.copy");
        Assert.Equal(["IBAN", language == "de" ? "Betrag" : "Amount", language == "de" ? "Verwendungszweck" : "Payment reference"],
            (await copies.EvaluateAllAsync<string[]>("bs => bs.map(b => b.getAttribute('aria-label'))")).Select(l => l[..l.LastIndexOf(' ')]));
        var copied = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await copies.Nth(i).ClickAsync();
            await Assertions.Expect(copies.Nth(i)).ToHaveTextAsync(language == "de" ? "Kopiert" : "Copied");
            copied.Add(await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        }
        Assert.Equal(["DE89370400440532013000", language == "de" ? "1200,00" : "1200.00", "RE-2026-7" + debtors], copied);

        var save = card.Locator("a.save");
        if (width == ChatScreens.Phone.Width)
        {
            await Assertions.Expect(save).ToBeVisibleAsync();
            await Assertions.Expect(save).ToHaveAttributeAsync("download", "girocode.png");
            Assert.StartsWith("data:image/png;base64,", await save.GetAttributeAsync("href"), StringComparison.Ordinal);
        }
        else
        {
            await Assertions.Expect(save).ToBeHiddenAsync();
        }
        await ChatScreens.AssertNothingCutOffAsync(page);
        await ChatScreens.ScreenshotAsync(page, $"chat-payment-{width}-{language}");
        chat.AssertClean();
    }

    [BrowserTheory]
    [InlineData(390, "de")]
    [InlineData(1366, "en")]
    public async Task A_person_from_the_team_joins_answers_under_their_name_and_role_and_leaves(int width, string language)
    {
        if (!HeadlessChromium.Present())
            return;
        var debtor = await DebtorAsync(language);
        await using var chat = await ChatAsync(width, language == "de" ? "de-DE" : "en-GB", debtor.LinkToken);
        var page = chat.Page;
        await Assertions.Expect(page.Locator("#log li.bot").First).ToBeVisibleAsync();
        var accounts = host.Services.GetRequiredService<StaffAccounts>();
        if (await host.Services.GetRequiredService<IStaffAccountStore>().FindAsync("anna", CancellationToken.None) is null)
            await accounts.CreateAsync("anna", StaffRole.Staff, "a-long-enough-password", CancellationToken.None, "Anna Becker", "Buchhaltung");
        var anna = new StaffActor("anna", StaffRole.Staff);
        var desk = host.Services.GetRequiredService<ConversationActions>();
        var key = Assert.Single(await host.Services.GetRequiredService<IConversationStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None)).Key;

        await desk.TakeOverAsync(anna, key, false, CancellationToken.None);
        await Assertions.Expect(page.Locator("#log li.notice").Last).ToHaveTextAsync(language == "de"
            ? $"Anna Becker von {Creditor} ist dem Chat beigetreten und antwortet Ihnen jetzt persönlich."
            : $"Anna Becker from {Creditor} has joined the chat and will answer you personally.");
        await desk.ReplyAsync(anna, key, language == "de" ? "Guten Tag, wie kann ich helfen?" : "Hello, how can I help?", CancellationToken.None);
        var reply = page.Locator("#log li.staff").Last;
        await Assertions.Expect(reply.Locator(".sender")).ToHaveTextAsync("Anna Becker · Buchhaltung");
        await Assertions.Expect(reply).ToContainTextAsync(language == "de" ? "wie kann ich helfen?" : "how can I help?");
        Assert.NotEqual(await page.Locator("#log li.bot").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"),
            await reply.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await ChatScreens.AssertNothingCutOffAsync(page);
        await ChatScreens.ScreenshotAsync(page, $"chat-staff-{width}-{language}");

        await desk.HandBackAsync(anna, key, false, CancellationToken.None);
        await Assertions.Expect(page.Locator("#log li.notice").Last).ToHaveTextAsync(language == "de"
            ? $"Anna Becker von {Creditor} hat den Chat verlassen."
            : $"Anna Becker from {Creditor} has left the chat.");
        await Assertions.Expect(page.Locator("#log li.bot").Last).ToContainTextAsync(language == "de" ? "Ich bin wieder für Sie da" : "I'm here for you again");
        chat.AssertClean();
    }

    private async Task<SeededDebtor> DebtorAsync(string language)
    {
        using var owner = host.Owner();
        var n = Interlocked.Increment(ref debtors);
        return await owner.DebtorWithInvoiceAsync($"K-7{n}", language == "de" ? "Erika Muster" : "Eric Example", language, $"RE-2026-7{n}", 1200m);
    }

    private async Task<Chat> ChatAsync(int width, string locale, string? linkToken)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await HeadlessChromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(ChatScreens.Options(width, locale));
        var page = await context.NewPageAsync();
        var chat = new Chat(playwright, browser, page);
        page.PageError += (_, e) => chat.Errors.Add(e);
        page.Response += (_, r) => { if (r.Status >= 400) chat.Errors.Add($"{r.Status} {r.Url}"); };
        await page.GotoAsync(Url("/chat" + (linkToken is null ? "" : "?t=" + Uri.EscapeDataString(linkToken))));
        return chat;
    }

    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    public void Dispose()
    {
        host.Dispose();
        File.Delete(logo);
    }

    private sealed class Chat(IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        public IPage Page => page;

        public List<string> Errors { get; } = [];

        public void AssertClean() => Assert.Empty(Errors);

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
