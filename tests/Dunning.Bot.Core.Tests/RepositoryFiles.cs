using Dunning.Bot.Hosting;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Core.Tests;

/// <summary>The repository this test run was built from: its root (where Dunning.Bot.sln is) and its dialogs/ folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    private static readonly Lazy<MessageCatalogue> ValidCatalogue = new(() => DialogsFolder.Catalogue(DialogsDirectory).EnsureValid());

    public static string Root => RootDirectory.Value;

    /// <summary>The real wording and understanding data: dialogs/*.yaml.</summary>
    public static string DialogsDirectory => Path.Combine(Root, "dialogs");

    /// <summary>The catalogue of <see cref="DialogsDirectory"/>, loaded and validated once (it fails the test when invalid).</summary>
    public static MessageCatalogue Catalogue => ValidCatalogue.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dunning.Bot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Dunning.Bot.sln above {AppContext.BaseDirectory}.");
    }
}
