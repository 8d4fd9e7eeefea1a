using System.Text;

namespace Dunning.Bot.Core.Payments;

/// <summary>
/// The structured creditor reference of ISO 11649 ("RF reference"): <c>RF</c>, two check digits and up to 21 letters and
/// digits. Ours is derived from the invoice number (its letters and digits, upper case), so every invoice has one without
/// storing it and a statement that carries it names the invoice for certain: the check digits (ISO 7064 mod 97-10, as in
/// the IBAN) catch a mistyped character.
/// </summary>
public static class CreditorReference
{
    public const int MaxBodyLength = 21;

    /// <summary>The reference for <paramref name="invoiceNumber"/> in its electronic form (no spaces); null when the number has no letter or digit or more than 21.</summary>
    public static string? For(string invoiceNumber)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        var body = Compact(invoiceNumber);
        if (body.Length is 0 or > MaxBodyLength)
            return null;
        var check = 98 - Mod97.Of(body + "RF00");
        return $"RF{check:00}{body}";
    }

    /// <summary>True for a well-formed reference (spaces allowed, any case) whose check digits (02–98) are right.</summary>
    public static bool IsValid(string? reference)
    {
        if (reference is null)
            return false;
        var compact = Compact(reference);
        if (compact.Length is < 5 or > 4 + MaxBodyLength || !compact.StartsWith("RF", StringComparison.Ordinal)
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || compact[2..4] is "00" or "01" or "99")
            return false;
        return Mod97.Of(compact[4..] + compact[..4]) == 1;
    }

    /// <summary>The body of a valid reference (what follows RF and the check digits); null when it is not valid.</summary>
    public static string? BodyOf(string reference) => IsValid(reference) ? Compact(reference)[4..] : null;

    /// <summary>The paper form: groups of four characters ("RF18 RE20 2600 42").</summary>
    public static string Format(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var compact = Compact(reference);
        var sb = new StringBuilder(compact.Length + compact.Length / 4);
        for (var i = 0; i < compact.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
                sb.Append(' ');
            sb.Append(compact[i]);
        }
        return sb.ToString();
    }

    private static string Compact(string text) => string.Concat(text.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant));
}
