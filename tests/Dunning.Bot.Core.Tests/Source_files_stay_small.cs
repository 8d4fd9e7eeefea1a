namespace Dunning.Bot.Core.Tests;

/// <summary>House style: a file under <c>src/</c> reads in one sitting — at most 300 lines (C# and Razor alike).</summary>
public sealed class Source_files_stay_small
{
    private const int MaxLines = 300;

    [Fact]
    public void No_source_file_is_over_300_lines()
    {
        var src = Path.Combine(RepositoryFiles.Root, "src");
        var sep = Path.DirectorySeparatorChar;
        var tooLong = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(p => !p.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !p.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .Select(p => (Path: Path.GetRelativePath(src, p), Lines: File.ReadAllLines(p).Length))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.Path} ({f.Lines})")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Over {MaxLines} lines: " + string.Join(", ", tooLong));
    }
}
