using System.Security.Cryptography;

namespace Dunning.Bot.Core.Domain;

/// <summary>
/// Fresh proofs of identity for a debtor: an access code people can read and type (8 characters from an alphabet
/// without look-alikes such as 0/O and 1/I/L, about 40 bits) and a link token for URLs (128 bits, base64url, 22
/// characters). Both come from <see cref="RandomNumberGenerator"/>; uniqueness is checked by the caller's store.
/// </summary>
public static class DebtorSecrets
{
    public const string AccessCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int AccessCodeLength = 8;

    /// <summary>
    /// A new access code with at least one digit and one letter (drawn again otherwise, about one time in nine), so a
    /// debtor's code is told from a word wherever it is typed — alone or inside a sentence.
    /// </summary>
    public static string NewAccessCode()
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetItems<char>(AccessCodeAlphabet, AccessCodeLength);
            if (code.Any(char.IsAsciiDigit) && code.Any(char.IsAsciiLetter))
                return new string(code);
        }
    }

    public static string NewLinkToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>An access code as typed (spaces, dashes, lower case) in its stored form.</summary>
    public static string NormalizeAccessCode(string typed) =>
        new([.. (typed ?? string.Empty).Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);

    /// <summary>True when the text has the shape of a link token (1–64 of A-Z a-z 0-9 _ -); it may still be unknown.</summary>
    public static bool IsLinkTokenShaped(string? text) =>
        text is { Length: >= 1 and <= 64 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
