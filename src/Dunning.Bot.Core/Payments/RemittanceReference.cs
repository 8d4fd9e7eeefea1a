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

    private static string WithPrefix(string prefix, string numbers) => prefix.Length == 0 ? numbers : $"{prefix} {numbers}";
}
