using System.Text.RegularExpressions;

namespace Dunning.Bot.Core.Tests;

/// <summary>
/// Core is the domain: it reads no files and knows no database. The host reads the dialogs folder
/// (<c>DialogsFolder</c>) and implements the storage ports.
/// </summary>
public sealed partial class Core_does_no_io
{
    [Fact]
    public void The_core_assembly_references_no_database_library()
    {
        var references = typeof(Dunning.Bot.Core.Messages.MessageCatalogue).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("LiteDB", references);
        Assert.DoesNotContain(references, r => r!.StartsWith("Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public void No_core_source_touches_the_file_system()
    {
        var core = Path.Combine(RepositoryFiles.Root, "src", "Dunning.Bot.Core");
        var offending = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => FileSystem().IsMatch(File.ReadAllText(p)))
            .Select(p => Path.GetRelativePath(core, p))
            .ToList();

        Assert.True(offending.Count == 0, "Core touches the file system in: " + string.Join(", ", offending));
    }

    [GeneratedRegex(@"\b(System\.IO\.)?(File|Directory)\.[A-Z]|\bnew\s+(FileInfo|DirectoryInfo|FileStream|StreamReader|StreamWriter)\s*\(|using\s+LiteDB")]
    private static partial Regex FileSystem();
}
