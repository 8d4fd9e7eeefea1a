namespace Dunning.Bot.Core.Payments;

/// <summary>ISO 7064 mod 97-10 as the IBAN and the RF creditor reference use it.</summary>
internal static class Mod97
{
    /// <summary>The remainder mod 97 of the number <paramref name="text"/> (upper-case letters and digits) spells, every letter as two digits (A = 10 … Z = 35).</summary>
    public static int Of(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
