using Microsoft.Playwright;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// Debian's <c>chromium</c>, driven headless by Playwright's bundled driver (no browser download). Tests that need it are
/// marked <see cref="BrowserFactAttribute"/>: skipped with the install command outside CI, run (and failed) in CI.
/// </summary>
internal static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string InstallCommand = "apt-get install -y chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>True when the browser is there; a missing browser fails the test — it never passes without running.</summary>
    public static bool Present()
    {
        Assert.True(IsInstalled, $"{ExecutablePath} is missing; install it with: {InstallCommand}");
        return true;
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        // A shared 2-core CI machine can be slow; the page itself answers within one poll interval.
        Assertions.SetDefaultExpectTimeout(15_000);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }
}
