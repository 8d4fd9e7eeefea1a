namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// A theory that needs <see cref="HeadlessChromium"/>: skipped with the install command when the browser is missing,
/// except in CI (CI=true), where it runs and fails (as <see cref="BrowserFactAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!HeadlessChromium.IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"{HeadlessChromium.ExecutablePath} is not installed; install it with: {HeadlessChromium.InstallCommand}";
    }
}
