using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.Staff;
using Dunning.Bot.Uploads;
using Microsoft.Playwright;

namespace Dunning.Bot.Tests.Uploads;

/// <summary>
/// The chat page's attach button in headless Chromium against the real bot: the debtor says they paid, picks the
/// transfer confirmation in the file chooser, and the bot thanks for it. Without the browser the test is skipped outside
/// CI and fails in CI (see <see cref="HeadlessChromium"/>).
/// </summary>
public sealed class The_attach_button_in_a_real_browser : IDisposable
{
    private readonly StaffHost staff = new(new() { ["WebChat:PollIntervalMs"] = "200" });

    [BrowserFact]
    public async Task A_file_picked_with_the_attach_button_reaches_the_bot_and_is_kept()
    {
        if (!HeadlessChromium.Present())
            return;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" })).NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(staff.Host.BaseAddress, "/chat?t=tok_d100_abcdefghijklmnop").ToString());
        var log = page.Locator("#log");
        await Assertions.Expect(log.Locator("li.bot").First).ToBeVisibleAsync();

        await page.GetByLabel("Ihre Nachricht").FillAsync("Ich habe am 20. November 119 Euro überwiesen");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(log.Locator("li.bot").Last).ToContainTextAsync("können Sie sie gern hier senden");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Datei anhängen (PDF oder Bild)" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "Überweisung.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf });

        await Assertions.Expect(log.Locator("li.bot").Last).ToContainTextAsync("(Überweisung.pdf)");
        await Assertions.Expect(log.Locator("li.user").Last).ToContainTextAsync("Überweisung.pdf");
        await Assertions.Expect(log.Locator("li.user.pending")).ToHaveCountAsync(0);
        var proof = Assert.Single(await staff.Get<IProofStore>().ListAsync(StaffHost.DebtorId, CancellationToken.None));
        Assert.Equal("application/pdf", proof.ContentType);
        Assert.Empty(errors);
    }

    public void Dispose() => staff.Dispose();
}
