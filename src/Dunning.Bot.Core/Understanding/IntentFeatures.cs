using System.Globalization;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Turns a message into hashed sparse features for the statistical intent model: every word, every pair of
/// neighbouring words, and the character 2- to 5-grams of each word with its boundaries ("&lt;zahl", "hle&gt;"),
/// so that typos, missing umlauts, inflections and compounds still share most features with the spelling the
/// model was trained on. Words are lower-cased and folded (ä→a, ß→ss, accents dropped), digits become 0 ("250 €"
/// and "99 €" look alike), emoji, currency signs and the question mark are words of their own. Hashing is FNV-1a
/// with fixed seeds: the same text gives the same features in every process. Only the first
/// <see cref="Tokenizer.MaxChars"/> characters are read.
/// </summary>
internal static class IntentFeatures
{
    /// <summary>Feature hashes fall into 2^<see cref="Bits"/> buckets.</summary>
    public const int Bits = 18;

    public const int Buckets = 1 << Bits;

    private const int MinGram = 3;
    private const int MaxGram = 5;
    private const int MaxWordChars = 24;

    private const uint WordSeed = 0x9E3779B1u;
    private const uint PairSeed = 0x85EBCA77u;
    private const uint GramSeed = 0xC2B2AE3Du;
    private const uint NegatedSeed = 0x27D4EB2Fu;

    /// <summary>How many words after a negation count as negated ("ich habe noch NICHT bezahlt", "I will not pay").</summary>
    private const int NegationReach = 3;

    /// <summary>Negations of both languages, folded; a word ending in "n't" negates too.</summary>
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "nicht", "nich", "net", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts", "nix",
        "not", "no", "never", "nothing", "dont", "didnt", "doesnt", "havent", "hasnt", "wont", "cant", "cannot", "isnt", "wasnt", "arent", "neither", "nor",
    };

    /// <summary>
    /// Writes the bucket of every feature of <paramref name="text"/> into <paramref name="features"/> (repeats
    /// allowed) and returns how many were written; stops when the buffer is full.
    /// </summary>
    public static int Extract(string text, Span<int> features)
    {
        var length = Math.Min(text.Length, Tokenizer.MaxChars);
        Span<char> word = stackalloc char[MaxWordChars + 2];
        var count = 0;
        var negatedWords = 0;
        var previous = 0u;
        var hasPrevious = false;
        var i = 0;
        while (i < length && count < features.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var n = 1;
                word[0] = '<';
                while (i < length && (char.IsLetterOrDigit(text[i]) || IsInnerJoiner(text, i, length)))
                {
                    var ch = text[i++];
                    if (!char.IsLetterOrDigit(ch) || n > MaxWordChars)
                        continue;
                    n = Append(word, n, ch);
                }
                word[n++] = '>';
                var bare = word[1..(n - 1)];
                var hash = Hash(bare, WordSeed);
                count = Add(features, count, hash);
                // A word in a negation's reach is also a word of its own kind: "not pay" is no "pay".
                if (negatedWords > 0)
                {
                    count = Add(features, count, Hash(bare, NegatedSeed));
                    negatedWords--;
                }
                if (IsNegation(bare))
                    negatedWords = NegationReach;
                if (hasPrevious)
                    count = Add(features, count, Mix(previous, hash, PairSeed));
                previous = hash;
                hasPrevious = true;
                count = AddGrams(word[..n], features, count);
                continue;
            }
            if (text[i] is '.' or ',' or ';' or '!' or '?' or ':')
                negatedWords = 0;
            if (IsSymbolWord(text, i, length, out var width))
            {
                var hash = Hash(text.AsSpan(i, width), WordSeed);
                count = Add(features, count, hash);
                if (hasPrevious)
                    count = Add(features, count, Mix(previous, hash, PairSeed));
                previous = hash;
                hasPrevious = true;
                i += width;
                continue;
            }
            i++;
        }
        return count;
    }

    private static bool IsNegation(ReadOnlySpan<char> word)
    {
        if (word.EndsWith("n't") || word.EndsWith("n’t"))
            return true;
        Span<char> plain = stackalloc char[word.Length];
        var k = 0;
        foreach (var ch in word)
        {
            if (ch is not ('\'' or '’'))
                plain[k++] = ch;
        }
        return Negations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(plain[..k]);
    }

    private static int Append(Span<char> word, int n, char ch)
    {
        if (char.IsDigit(ch))
        {
            word[n] = '0';
            return n + 1;
        }
        var lower = char.ToLowerInvariant(ch);
        var folded = Folding.FoldChar(lower);
        if (folded is null)
        {
            word[n] = lower;
            return n + 1;
        }
        foreach (var f in folded)
        {
            if (n > MaxWordChars)
                break;
            word[n++] = f;
        }
        return n;
    }

    private static int AddGrams(ReadOnlySpan<char> word, Span<int> features, int count)
    {
        for (var size = MinGram; size <= MaxGram && size <= word.Length; size++)
        {
            for (var start = 0; start + size <= word.Length && count < features.Length; start++)
                count = Add(features, count, Hash(word.Slice(start, size), GramSeed + (uint)size));
        }
        return count;
    }

    private static int Add(Span<int> features, int count, uint hash)
    {
        if (count >= features.Length)
            return count;
        features[count] = (int)(hash & (Buckets - 1));
        return count + 1;
    }

    /// <summary>"z.B.", "e-mail" and "don't" stay one word; "1.200,50" too (its digits all become 0).</summary>
    private static bool IsInnerJoiner(string text, int i, int length) =>
        text[i] is '-' or '\'' or '’' or '.' or ',' && i > 0 && i + 1 < length
        && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1])
        && (text[i] is '-' or '\'' or '’' || char.IsDigit(text[i - 1]));

    private static bool IsSymbolWord(string text, int i, int length, out int width)
    {
        var c = text[i];
        width = 1;
        if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            var rune = char.ConvertToUtf32(c, text[i + 1]);
            return rune is not (>= 0x1F3FB and <= 0x1F3FF);
        }
        if (c is '?' or '？' or '!' or '%')
            return true;
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.CurrencySymbol or UnicodeCategory.OtherSymbol;
    }

    private static uint Hash(ReadOnlySpan<char> chars, uint seed)
    {
        var hash = 2166136261u ^ seed;
        foreach (var ch in chars)
        {
            hash ^= ch;
            hash *= 16777619u;
        }
        return Finish(hash);
    }

    private static uint Mix(uint a, uint b, uint seed) => Finish((a * 31u) ^ b ^ seed);

    /// <summary>Spreads the low bits (FNV's low bits alone collide more than its high ones).</summary>
    private static uint Finish(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x7FEB352Du;
        hash ^= hash >> 15;
        hash *= 0x846CA68Bu;
        hash ^= hash >> 16;
        return hash;
    }
}
