namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// A test that drives Microsoft's Direct Line clients (npm) in headless Chromium: skipped with the install commands
/// when either is missing outside CI; in CI it runs, and a missing part fails it.
/// </summary>
public sealed class WebClientsFactAttribute : FactAttribute
{
    public WebClientsFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
            return;
        if (!HeadlessChromium.IsInstalled)
            Skip = $"{HeadlessChromium.ExecutablePath} is not installed; install it with: {HeadlessChromium.InstallCommand}";
        else if (!MicrosoftWebClients.IsInstalled)
            Skip = $"Microsoft's web clients are not installed; install them with: {MicrosoftWebClients.InstallCommand}";
    }
}
