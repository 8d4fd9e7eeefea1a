namespace Dunning.Bot.Core.Payments;

/// <summary>
/// Business Identifier Codes (ISO 9362): 4 letters (institution), 2 letters (country), 2 letters or digits
/// (location), optionally 3 letters or digits (branch) — 8 or 11 characters. Only the shape is checked.
/// </summary>
public static class Bic
{
    /// <summary>The compact upper-case form without spaces (not checked).</summary>
    public static string Normalize(string? bic) =>
        string.Concat((bic ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>True for a BIC of the right shape (spaces and case ignored).</summary>
    public static bool IsValid(string? bic)
    {
        var value = Normalize(bic);
        return value.Length is 8 or 11
            && value[..6].All(char.IsAsciiLetterUpper)
            && value[6..].All(char.IsAsciiLetterOrDigit);
    }
}
