namespace Dunning.Bot.Core.Payments;

/// <summary>The payment reference (Verwendungszweck) debtors are asked to use: the owner's prefix and the invoice numbers.</summary>
public static class RemittanceReference
{
    /// <summary>The prefix and the invoice numbers; whole numbers only, cut to the 140-character GiroCode reference limit.</summary>
    public static string For(PayeeOptions payee, IEnumerable<string> numbers)
    {
        ArgumentNullException.ThrowIfNull(payee);
        ArgumentNullException.ThrowIfNull(numbers);
        var prefix = payee.RemittancePrefix.Trim();
        var joined = string.Empty;
        foreach (var number in numbers)
        {
            var candidate = joined.Length == 0 ? number : $"{joined}, {number}";
            if (WithPrefix(prefix, candidate).Length > GiroCode.MaxReferenceLength)
                break;
            joined = candidate;
        }
        return WithPrefix(prefix, joined);
    }

    /// <summary>
    /// The ISO 11649 creditor reference for a transfer of exactly one invoice (see <see cref="CreditorReference"/>); null
    /// for several invoices (one reference cannot name them) or a number that has none.
    /// </summary>
    public static string? CreditorFor(IEnumerable<string> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return numbers.Take(2).ToList() is [var only] ? CreditorReference.For(only) : null;
    }

    private static string WithPrefix(string prefix, string numbers) => prefix.Length == 0 ? numbers : $"{prefix} {numbers}";
}
