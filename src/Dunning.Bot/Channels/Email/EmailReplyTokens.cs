using System.Security.Cryptography;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// A debtor's reply token: the tag in the reply address and the key of the unsubscribe link — 16 characters of a
/// 32-letter alphabet without look-alikes (80 bits), compared case-insensitively.
/// </summary>
public static class EmailReplyTokens
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int Length = 16;

    /// <summary>A new random token.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Whether <paramref name="token"/> could be a token (any case); anything else is not looked up.</summary>
    public static bool IsShaped(string? token) =>
        token is { Length: Length } && token.All(c => Alphabet.Contains(char.ToLowerInvariant(c), StringComparison.Ordinal));
}
