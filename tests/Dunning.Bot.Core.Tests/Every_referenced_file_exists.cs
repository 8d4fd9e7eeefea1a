using System.Text.RegularExpressions;

namespace Dunning.Bot.Core.Tests;

/// <summary>
/// The documentation and the program's own messages point only at files that exist: relative links in README.md and
/// docs/**/*.md, and every <c>*.md</c> file a source file or a dialog names.
/// </summary>
public sealed partial class Every_referenced_file_exists
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var path in new[] { "README.md", Path.Combine("dialogs", "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(RepositoryFiles.Root, p))))
            data.Add(path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_of_a_document_leads_to_a_file(string document)
    {
        var full = Path.Combine(RepositoryFiles.Root, document);
        var folder = Path.GetDirectoryName(full)!;
        var missing = MarkdownLink().Matches(File.ReadAllText(full))
            .Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal) && !t.StartsWith('#'))
            .Select(t => t.Split('#')[0])
            .Where(t => !File.Exists(Path.Combine(folder, t)) && !Directory.Exists(Path.Combine(folder, t)))
            .ToList();
        Assert.True(missing.Count == 0, $"{document} links to missing files: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_markdown_file_the_code_or_the_wording_names_exists()
    {
        var named = new[] { "src", "dialogs" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, d), "*.*", SearchOption.AllDirectories))
            .Where(p => (p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal))
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(p => NamedMarkdown().Matches(File.ReadAllText(p)).Select(m => (File: p, Name: m.Value)))
            .Where(n => !File.Exists(Path.Combine(RepositoryFiles.Root, n.Name)))
            .Select(n => $"{Path.GetRelativePath(RepositoryFiles.Root, n.File)} names {n.Name}")
            .ToList();
        Assert.True(named.Count == 0, string.Join(Environment.NewLine, named));
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<![\w/.-])[\w-]+(/[\w.-]+)*\.md\b")]
    private static partial Regex NamedMarkdown();
}
