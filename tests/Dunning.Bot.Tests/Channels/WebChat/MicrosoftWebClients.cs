namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// Microsoft's published Direct Line clients, installed from npm into <c>tests/Dunning.Bot.Tests/WebClients</c>
/// (git-ignored; <c>.ci/install</c> installs them): Bot Framework Web Chat's bundle and botframework-directlinejs's. Tests
/// that need them are marked <see cref="WebClientsFactAttribute"/>.
/// </summary>
internal static class MicrosoftWebClients
{
    public const string InstallCommand = "cd tests/Dunning.Bot.Tests/WebClients && npm ci --ignore-scripts";

    /// <summary>Bot Framework Web Chat 4.18.1, the full bundle (<c>window.WebChat</c>).</summary>
    public static string WebChatBundle => Path.Combine(Folder, "node_modules", "botframework-webchat", "dist", "webchat.js");

    /// <summary>botframework-directlinejs 0.15.8, the browser bundle (<c>window.DirectLine</c>).</summary>
    public static string DirectLineBundle => Path.Combine(Folder, "node_modules", "botframework-directlinejs", "dist", "directline.js");

    private static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dunning.Bot.sln")))
                    return Path.Combine(dir.FullName, "tests", "Dunning.Bot.Tests", "WebClients");
            }
            return Path.Combine(AppContext.BaseDirectory, "WebClients");
        }
    }

    public static bool IsInstalled => File.Exists(WebChatBundle) && File.Exists(DirectLineBundle);

    /// <summary>True when the bundles are there; missing ones fail the test — it never passes without running.</summary>
    public static bool Present()
    {
        Assert.True(IsInstalled, $"Microsoft's web clients are missing; install them with: {InstallCommand}");
        return true;
    }
}
