using System.Text.RegularExpressions;

namespace Dunning.Bot.Core.Tests.Messages;

/// <summary>
/// What debtors read in German is checked against the words a careful small business avoids: one neutral way to speak of
/// the people behind the bot ("jemand aus unserem Team", never "ein Mitarbeiter … er" or "Kollegin oder Kollege" mixed),
/// "weiterschreiben" in one word, "Aufschub" rather than "Tage mehr", "Nachlass" rather than "Skonto" on an overdue invoice,
/// and an access-code example shaped like the printed codes (eight characters, no hyphen). Comments and the phrases the
/// understanding listens for are not debtor text; the owner's alerts (telegram, teams) name the "Mitarbeiterkonsole".
/// </summary>
public sealed partial class The_german_wording_reads_as_a_careful_business_writes
{
    private static readonly string[] OwnerFacing = ["understanding", "telegram", "teams", "console", "console_bank", "casefile", "words", "cli", "insights"];

    public static TheoryData<string, string> Avoided => new()
    {
        { "Mitarbeiter", "speak of \"jemand aus unserem Team\" / \"unser Team\"" },
        { "Kolleg", "speak of \"jemand aus unserem Team\"" },
        { "weiter schreiben", "\"weiterschreiben\" is one word" },
        { "Tage mehr", "\"Aufschub\"" },
        { "Skonto", "\"Nachlass\" (Skonto is for paying before the due date)" },
        { "demo account", "no English in German text" },
        { "ABCD-", "the printed access codes have no hyphen" },
    };

    [Theory]
    [MemberData(nameof(Avoided))]
    public void No_debtor_facing_german_text_uses(string avoided, string instead)
    {
        var hits = DebtorText("de").Where(l => l.Text.Contains(avoided, StringComparison.OrdinalIgnoreCase)).Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(hits.Count == 0, $"'{avoided}' ({instead}) in: {string.Join(", ", hits)}");
    }

    [Fact]
    public void The_access_code_example_looks_like_a_printed_code()
    {
        foreach (var (file, line, text) in DebtorText("de").Concat(DebtorText("en")).Where(l => l.Text.Contains("ABCD", StringComparison.Ordinal)))
            Assert.True(ExampleCode().IsMatch(text), $"{file}:{line}: the example code should be eight characters of the code alphabet: {text.Trim()}");
    }

    [Fact]
    public void The_demo_bank_name_is_not_english_inside_german_text()
    {
        var settings = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "Dunning.Bot", "appsettings.Development.json"));
        Assert.DoesNotContain("(demo account)", settings, StringComparison.Ordinal);
    }

    /// <summary>Every non-comment line of the debtor-facing dialog files of <paramref name="language"/>.</summary>
    private static IEnumerable<(string File, int Line, string Text)> DebtorText(string language) =>
        from path in Directory.GetFiles(RepositoryFiles.DialogsDirectory, $"*.{language}.yaml")
        let name = Path.GetFileName(path)
        where !OwnerFacing.Any(o => name.StartsWith(o + ".", StringComparison.Ordinal))
        from line in File.ReadAllLines(path).Select((text, i) => (Text: text, Number: i + 1))
        where !line.Text.TrimStart().StartsWith('#')
        select (name, line.Number, line.Text);

    [GeneratedRegex(@"ABCD[2-9A-Z]{4}\b(?!-)")]
    private static partial Regex ExampleCode();
}
