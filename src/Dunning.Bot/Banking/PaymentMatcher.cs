using System.Text;

namespace Dunning.Bot.Banking;

/// <summary>
/// Decides what a credit is for, in this order: our invoice numbers in the remittance text (spaces, hyphens, slashes and
/// line breaks ignored; several numbers split the amount oldest first), else the amount equal to exactly one open claim
/// of the debtor the payer's name names, else the review queue. Pure and in memory; the importer books.
/// </summary>
public sealed class PaymentMatcher
{
    private readonly Dictionary<string, OpenClaim> byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenClaim>.AlternateLookup<ReadOnlySpan<char>> numbers;
    private readonly int[] numberLengths;
    private readonly Dictionary<string, List<string>> debtorsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OpenClaim>> claimsByDebtor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> invoicesByReference = new(StringComparer.Ordinal);

    public PaymentMatcher(IEnumerable<OpenClaim> claims, IEnumerable<(string Id, string Name)> debtors)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(debtors);
        foreach (var claim in claims)
        {
            byNumber.TryAdd(Compact(claim.Number), claim);
            (claimsByDebtor.TryGetValue(claim.DebtorId, out var own) ? own : claimsByDebtor[claim.DebtorId] = []).Add(claim);
            foreach (var reference in claim.References)
                Booked(reference, claim.Number);
        }
        foreach (var (id, name) in debtors)
        {
            var key = Name(name);
            if (key.Length > 0)
                (debtorsByName.TryGetValue(key, out var ids) ? ids : debtorsByName[key] = []).Add(id);
        }
        numbers = byNumber.GetAlternateLookup<ReadOnlySpan<char>>();
        numberLengths = [.. byNumber.Keys.Select(k => k.Length).Where(l => l > 0).Distinct().Order()];
    }

    /// <summary>The invoices a payment with <paramref name="reference"/> is already booked on (empty: none).</summary>
    public IReadOnlyList<string> BookedOn(string reference) => invoicesByReference.TryGetValue(reference, out var list) ? list : [];

    /// <summary>Remembers a booking so a later entry of the same import sees it.</summary>
    public void Booked(string reference, string invoice)
    {
        var list = invoicesByReference.TryGetValue(reference, out var l) ? l : invoicesByReference[reference] = [];
        if (!list.Contains(invoice, StringComparer.Ordinal))
            list.Add(invoice);
    }

    /// <summary>The invoice numbers in <paramref name="text"/>, each once, in order of appearance.</summary>
    public IReadOnlyList<OpenClaim> NumbersIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = new char[text.Length];
        var origin = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiLetterOrDigit(text[i]))
            {
                compact[n] = char.ToUpperInvariant(text[i]);
                origin[n++] = i;
            }
        }
        var found = new List<OpenClaim>();
        for (var start = 0; start < n; start++)
        {
            foreach (var length in numberLengths)
            {
                if (start + length > n)
                    break;
                if (numbers.TryGetValue(compact.AsSpan(start, length), out var claim)
                    && Bounded(text, origin[start], origin[start + length - 1]) && !found.Contains(claim))
                    found.Add(claim);
            }
        }
        return found;
    }

    /// <summary>The open claims of debtors named <paramref name="payer"/> whose open amount equals <paramref name="amount"/>.</summary>
    public IReadOnlyList<OpenClaim> ByAmount(string? payer, decimal amount, string currency)
    {
        if (payer is null || !debtorsByName.TryGetValue(Name(payer), out var ids))
            return [];
        return [.. ids.SelectMany(id => claimsByDebtor.TryGetValue(id, out var c) ? c : [])
            .Where(c => c.Due == amount && c.Currency == currency)];
    }

    /// <summary>True when a debtor with this name is known.</summary>
    public bool KnowsPayer(string? payer) => payer is not null && debtorsByName.ContainsKey(Name(payer));

    /// <summary>A number found inside a longer run of digits (or of letters) is not the number: 1001 is not in 10012.</summary>
    private static bool Bounded(string text, int first, int last) =>
        (first == 0 || !SameKind(text[first - 1], text[first])) && (last == text.Length - 1 || !SameKind(text[last + 1], text[last]));

    private static bool SameKind(char neighbour, char edge) =>
        (char.IsAsciiDigit(neighbour) && char.IsAsciiDigit(edge)) || (char.IsAsciiLetter(neighbour) && char.IsAsciiLetter(edge));

    /// <summary>An invoice number as compared: letters and digits only, upper case.</summary>
    public static string Compact(string number) =>
        string.Concat(number.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant));

    /// <summary>A name as compared: lower case, umlauts spelled out as banks transmit them, punctuation dropped.</summary>
    public static string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            _ = c switch
            {
                'ä' => sb.Append("ae"),
                'ö' => sb.Append("oe"),
                'ü' => sb.Append("ue"),
                'ß' => sb.Append("ss"),
                _ when char.IsLetterOrDigit(c) => sb.Append(c),
                _ when sb.Length > 0 && sb[^1] != ' ' => sb.Append(' '),
                _ => sb,
            };
        }
        return sb.ToString().Trim();
    }
}
