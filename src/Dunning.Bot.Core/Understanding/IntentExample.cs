namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// One labelled training message of the statistical intent model. Training files
/// (<c>dialogs/training/intents.&lt;lang&gt;.tsv</c>) hold one example a line: the intent's wire name, a tab, the
/// message. Blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
public sealed record IntentExample(Intent Intent, string Text)
{
    /// <summary>Longer lines are refused: a training message is a chat message, not a document.</summary>
    public const int MaxTextLength = 2_000;

    /// <summary>Parses a training file; every bad line is reported with the file's name and the line number.</summary>
    /// <exception cref="UnderstandingDataException">A line has no tab, an unknown intent, an empty or oversized text.</exception>
    public static IReadOnlyList<IntentExample> ParseTsv(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var examples = new List<IntentExample>();
        var problems = new List<string>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                problems.Add($"line {number}: expected 'intent<TAB>message'");
                continue;
            }
            var label = line[..tab].Trim();
            var message = line[(tab + 1)..].Trim();
            if (!IntentNames.TryParse(label, out var intent))
                problems.Add($"line {number}: unknown intent '{Shorten(label)}'");
            else if (message.Length == 0)
                problems.Add($"line {number}: the message is empty");
            else if (message.Length > MaxTextLength)
                problems.Add($"line {number}: the message is longer than {MaxTextLength} characters");
            else
                examples.Add(new IntentExample(intent.Value, message));
        }
        if (problems.Count > 0)
            throw new UnderstandingDataException($"{name}: {string.Join("; ", problems.Take(20))}{(problems.Count > 20 ? $"; and {problems.Count - 20} more" : "")}");
        return examples;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
