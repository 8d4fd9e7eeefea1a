using System.Text;

namespace Dunning.Bot.Core.Payments;

/// <summary>
/// International Bank Account Numbers (ISO 13616): two letters, two check digits, up to 30 letters or digits;
/// 15–34 characters in all. Valid when the ISO 7064 mod 97-10 check gives 1. Spaces are ignored on input.
/// </summary>
public static class Iban
{
    /// <summary>The compact upper-case form without spaces (not checked).</summary>
    public static string Normalize(string? iban) =>
        string.Concat((iban ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>True for a well-formed IBAN with a correct checksum (spaces and case ignored).</summary>
    public static bool IsValid(string? iban)
    {
        var value = Normalize(iban);
        if (value.Length is < 15 or > 34
            || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1])
            || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3])
            || !value.All(char.IsAsciiLetterOrDigit))
            return false;
        return Mod97.Of(value[4..] + value[..4]) == 1;
    }

    /// <summary>The print form in groups of four, e.g. <c>DE89 3704 0044 0532 0130 00</c>.</summary>
    public static string Format(string iban)
    {
        var value = Normalize(iban);
        var text = new StringBuilder(value.Length + (value.Length / 4));
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
                text.Append(' ');
            text.Append(value[i]);
        }
        return text.ToString();
    }
}
