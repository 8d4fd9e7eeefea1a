namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// One compiled phrase from the data files: words matched in order. A word may end with
/// <c>*</c> (prefix), start with <c>*</c> (suffix) or both (contains); <c>...</c> lets up to
/// <see cref="MaxGap"/> other words stand between two words.
/// </summary>
internal sealed class PhrasePattern
{
    public const int MaxGap = 4;

    private readonly PatternWord[] words;

    public PhrasePattern(string source, PatternWord[] words, double weight, string payload)
    {
        Source = source;
        this.words = words;
        Weight = weight;
        Payload = payload;
        HasNegation = false;
    }

    public string Source { get; }

    public double Weight { get; }

    /// <summary>What the phrase stands for: an intent wire name, a date anchor, ….</summary>
    public string Payload { get; }

    /// <summary>True when the phrase itself contains a negation ("nicht bestellt"): then negation does not cancel it.</summary>
    public bool HasNegation { get; set; }

    public PatternWord First => words[0];

    public IEnumerable<string> Literals => words.Where(w => w.Kind == PatternWordKind.Literal).Select(w => w.Text);

    /// <summary>Matches at <paramref name="start"/>; returns the index after the match or -1, and whether a gap was used.</summary>
    public int MatchAt(IReadOnlyList<string> text, int start, out int gapStart)
    {
        gapStart = -1;
        return Match(text, start, 0, ref gapStart);
    }

    private int Match(IReadOnlyList<string> text, int position, int wordIndex, ref int gapStart)
    {
        if (wordIndex == words.Length)
            return position;
        var word = words[wordIndex];
        if (word.Kind == PatternWordKind.Gap)
        {
            for (var skip = 0; skip <= MaxGap && position + skip <= text.Count; skip++)
            {
                var end = Match(text, position + skip, wordIndex + 1, ref gapStart);
                if (end >= 0)
                {
                    if (skip > 0 && gapStart < 0)
                        gapStart = position;
                    return end;
                }
            }
            return -1;
        }
        if (position >= text.Count || !word.Matches(text[position]))
            return -1;
        return Match(text, position + 1, wordIndex + 1, ref gapStart);
    }
}

internal enum PatternWordKind
{
    Literal,
    Prefix,
    Suffix,
    Contains,
    Gap,
}

internal readonly record struct PatternWord(string Text, PatternWordKind Kind)
{
    public bool Matches(string word) => Kind switch
    {
        PatternWordKind.Literal => word == Text,
        PatternWordKind.Prefix => word.StartsWith(Text, StringComparison.Ordinal),
        PatternWordKind.Suffix => word.EndsWith(Text, StringComparison.Ordinal),
        PatternWordKind.Contains => word.Contains(Text, StringComparison.Ordinal),
        _ => false,
    };
}
