namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// A fact that needs <see cref="HeadlessChromium"/>: reported as skipped, with the install command, when the browser is
/// not installed — except in CI (CI=true), where it runs and fails, so a missing browser never passes silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!HeadlessChromium.IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"{HeadlessChromium.ExecutablePath} is not installed; install it with: {HeadlessChromium.InstallCommand}";
    }
}
