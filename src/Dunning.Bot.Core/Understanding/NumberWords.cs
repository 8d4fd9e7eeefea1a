using System.Collections.Frozen;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Reads simple number words: single ("fünfzig", "fifty"), compound German
/// ("zweihundertfünfzig", "fünfundzwanzig") and sequences ("two hundred and fifty").
/// </summary>
internal sealed class NumberWords(
    FrozenDictionary<string, int> words,
    FrozenDictionary<string, int> multipliers,
    FrozenSet<string> joiners,
    FrozenSet<string> notMoney)
{
    /// <summary>Words after a number that make it a count of something other than money ("3 Stunden", "2 hours").</summary>
    public FrozenSet<string> NotMoney => notMoney;

    private readonly int longest = words.Keys.Concat(multipliers.Keys).Concat(joiners).DefaultIfEmpty("").Max(w => w.Length);

    public bool IsJoiner(string word) => joiners.Contains(word);

    /// <summary>The value of one word (possibly a compound), or null.</summary>
    public int? Parse(string word)
    {
        if (word.Length == 0 || word.Length > 60)
            return null;
        if (words.TryGetValue(word, out var single))
            return single;
        var total = 0;
        var current = 0;
        return Parse(word, 0, ref total, ref current, 0) ? total + current : null;
    }

    /// <summary>True when <paramref name="word"/> is (part of) a number word.</summary>
    public bool IsNumberWord(string word) => words.ContainsKey(word) || multipliers.ContainsKey(word) || Parse(word) is not null;

    /// <summary>Adds one word of a spelled-out sequence to the running value.</summary>
    public bool Accumulate(string word, ref int total, ref int current)
    {
        if (joiners.Contains(word))
            return true;
        if (multipliers.TryGetValue(word, out var multiplier))
        {
            Apply(multiplier, ref total, ref current);
            return true;
        }
        if (Parse(word) is { } value)
        {
            current += value;
            return true;
        }
        return false;
    }

    public bool IsMultiplier(string word) => multipliers.ContainsKey(word);

    private bool Parse(string word, int position, ref int total, ref int current, int depth)
    {
        if (position == word.Length)
            return depth > 1;
        for (var length = Math.Min(longest, word.Length - position); length >= 2; length--)
        {
            var part = word.Substring(position, length);
            var (t, c) = (total, current);
            if (joiners.Contains(part))
            {
                // nothing to add
            }
            else if (multipliers.TryGetValue(part, out var multiplier))
                Apply(multiplier, ref t, ref c);
            else if (words.TryGetValue(part, out var value))
                c += value;
            else
                continue;
            if (Parse(word, position + length, ref t, ref c, depth + 1))
            {
                (total, current) = (t, c);
                return true;
            }
        }
        return false;
    }

    private static void Apply(int multiplier, ref int total, ref int current)
    {
        if (multiplier >= 1000)
        {
            total += Math.Max(current, 1) * multiplier;
            current = 0;
        }
        else
            current = Math.Max(current, 1) * multiplier;
    }
}
