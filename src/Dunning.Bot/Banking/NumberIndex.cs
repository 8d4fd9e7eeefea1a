using Dunning.Bot.Core.Payments;

namespace Dunning.Bot.Banking;

/// <summary>
/// Invoice numbers in normal form (their letters and digits, upper case, each passed through <c>fold</c>), found in a
/// remittance text by sliding over its letters and digits: every start, every length an invoice number has.
/// </summary>
internal sealed class NumberIndex
{
    private readonly Func<char, char> fold;
    private readonly Dictionary<string, OpenClaim> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenClaim>.AlternateLookup<ReadOnlySpan<char>> keys;
    private readonly Dictionary<string, OpenClaim> byNumber = new(StringComparer.Ordinal);
    private readonly int[] lengths;

    public NumberIndex(IEnumerable<OpenClaim> claims, Func<char, char> fold)
    {
        this.fold = fold;
        foreach (var claim in claims)
        {
            byKey.TryAdd(string.Concat(PaymentMatcher.Compact(claim.Number).Select(fold)), claim);
            byNumber.TryAdd(claim.Number, claim);
        }
        keys = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        lengths = [.. byKey.Keys.Select(k => k.Length).Where(l => l > 0).Distinct().Order()];
    }

    public OpenClaim? Get(string number) => byNumber.GetValueOrDefault(number);

    /// <summary>The invoices whose number stands in <paramref name="text"/> (not inside a longer run of digits or letters), each once, in order.</summary>
    public IReadOnlyList<OpenClaim> NumbersIn(string text)
    {
        var (compact, origin, n) = Letters(text);
        var found = new List<OpenClaim>();
        for (var start = 0; start < n; start++)
        {
            foreach (var length in lengths)
            {
                if (start + length > n)
                    break;
                if (keys.TryGetValue(compact.AsSpan(start, length), out var claim)
                    && Bounded(text, origin[start], origin[start + length - 1]) && !found.Contains(claim))
                    found.Add(claim);
            }
        }
        return found;
    }

    /// <summary>The invoices named by an RF creditor reference in <paramref name="text"/>: "RF", two check digits and an invoice number, with valid check digits.</summary>
    public IReadOnlyList<OpenClaim> CreditorReferencesIn(string text)
    {
        var (compact, origin, n) = Letters(text);
        var found = new List<OpenClaim>();
        for (var start = 0; start + 4 < n; start++)
        {
            if (compact[start] != 'R' || compact[start + 1] != 'F' || !char.IsAsciiDigit(compact[start + 2]) || !char.IsAsciiDigit(compact[start + 3]))
                continue;
            foreach (var length in lengths)
            {
                var end = start + 4 + length;
                if (end > n)
                    break;
                if (keys.TryGetValue(compact.AsSpan(start + 4, length), out var claim)
                    && CreditorReference.IsValid(new string(compact, start, 4 + length))
                    && Bounded(text, origin[start], origin[end - 1]) && !found.Contains(claim))
                    found.Add(claim);
            }
        }
        return found;
    }

    /// <summary>The letters and digits of <paramref name="text"/> in normal form, with where each came from.</summary>
    private (char[] Compact, int[] Origin, int Count) Letters(string text)
    {
        var compact = new char[text.Length];
        var origin = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiLetterOrDigit(text[i]))
            {
                compact[n] = fold(char.ToUpperInvariant(text[i]));
                origin[n++] = i;
            }
        }
        return (compact, origin, n);
    }

    /// <summary>A number found inside a longer run of digits (or of letters) is not the number: 1001 is not in 10012.</summary>
    private static bool Bounded(string text, int first, int last) =>
        (first == 0 || !SameKind(text[first - 1], text[first])) && (last == text.Length - 1 || !SameKind(text[last + 1], text[last]));

    private static bool SameKind(char neighbour, char edge) =>
        (char.IsAsciiDigit(neighbour) && char.IsAsciiDigit(edge)) || (char.IsAsciiLetter(neighbour) && char.IsAsciiLetter(edge));
}
