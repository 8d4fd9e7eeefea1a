namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Corrects a word of five or more letters to the one vocabulary word within one edit
/// (insertion, deletion, substitution or adjacent transposition: Damerau-Levenshtein ≤ 1).
/// Ambiguous corrections are not made.
/// </summary>
internal sealed class TypoIndex
{
    public const int MinLength = 5;

    private readonly Dictionary<int, string[]> byLength;

    public TypoIndex(IEnumerable<string> vocabulary)
    {
        byLength = vocabulary.Where(w => w.Length >= MinLength && w.All(char.IsLetter))
            .Distinct(StringComparer.Ordinal)
            .GroupBy(w => w.Length)
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    public string? Correct(string word)
    {
        if (word.Length < MinLength)
            return null;
        string? found = null;
        for (var length = word.Length - 1; length <= word.Length + 1; length++)
        {
            if (!byLength.TryGetValue(length, out var candidates))
                continue;
            foreach (var candidate in candidates)
            {
                if (!WithinOneEdit(word, candidate))
                    continue;
                if (found is not null && found != candidate)
                    return null;
                found = candidate;
            }
        }
        return found;
    }

    public static bool WithinOneEdit(string a, string b)
    {
        if (a.Length == b.Length)
        {
            var first = -1;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] == b[i])
                    continue;
                if (first >= 0)
                {
                    // A second difference is fine only as the swap of the first two letters.
                    return i == first + 1 && a[first] == b[i] && a[i] == b[first] && a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
                }
                first = i;
            }
            return true;
        }
        if (Math.Abs(a.Length - b.Length) != 1)
            return false;
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        var s = 0;
        while (s < shorter.Length && shorter[s] == longer[s])
            s++;
        return shorter.AsSpan(s).SequenceEqual(longer.AsSpan(s + 1));
    }
}
