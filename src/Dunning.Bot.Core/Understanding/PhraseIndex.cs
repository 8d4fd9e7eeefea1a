namespace Dunning.Bot.Core.Understanding;

/// <summary>A set of phrases indexed by their first literal word, so a message is matched without scanning every phrase.</summary>
internal sealed class PhraseIndex
{
    private readonly Dictionary<string, List<PhrasePattern>> byFirstWord = new(StringComparer.Ordinal);
    private readonly List<PhrasePattern> wildcardFirst = [];

    public int Count { get; private set; }

    public void Add(PhrasePattern pattern)
    {
        Count++;
        if (pattern.First.Kind == PatternWordKind.Literal)
        {
            if (!byFirstWord.TryGetValue(pattern.First.Text, out var list))
                byFirstWord[pattern.First.Text] = list = [];
            list.Add(pattern);
        }
        else
            wildcardFirst.Add(pattern);
    }

    /// <summary>Every match in <paramref name="words"/>, in order of start position.</summary>
    public IEnumerable<PhraseMatch> Matches(IReadOnlyList<string> words)
    {
        for (var start = 0; start < words.Count; start++)
        {
            if (byFirstWord.TryGetValue(words[start], out var list))
            {
                foreach (var pattern in list)
                {
                    var end = pattern.MatchAt(words, start, out var gap);
                    if (end > start)
                        yield return new PhraseMatch(pattern, start, end, gap);
                }
            }
            foreach (var pattern in wildcardFirst)
            {
                var end = pattern.MatchAt(words, start, out var gap);
                if (end > start)
                    yield return new PhraseMatch(pattern, start, end, gap);
            }
        }
    }

    /// <summary>True when any phrase matches anywhere.</summary>
    public bool Any(IReadOnlyList<string> words)
    {
        using var e = Matches(words).GetEnumerator();
        return e.MoveNext();
    }
}

/// <summary>A phrase found at [Start, End) in the words; GapStart is the first skipped word or -1.</summary>
internal readonly record struct PhraseMatch(PhrasePattern Pattern, int Start, int End, int GapStart);
