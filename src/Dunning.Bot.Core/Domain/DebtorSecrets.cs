using System.Security.Cryptography;

namespace Dunning.Bot.Core.Domain;

/// <summary>
/// Random credentials that bind a conversation to a debtor: a short access code to type (no 0/O, 1/I/L)
/// and a URL-safe link token (Telegram deep links allow 1–64 characters of A-Z a-z 0-9 _ -).
/// </summary>
public static class DebtorSecrets
{
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public const int AccessCodeLength = 8;

    public const int LinkTokenLength = 24;

    public static string NewAccessCode() => RandomNumberGenerator.GetString(CodeAlphabet, AccessCodeLength);

    public static string NewLinkToken() => RandomNumberGenerator.GetString(TokenAlphabet, LinkTokenLength);

    /// <summary>Upper-cases and drops spaces and dashes, so "abcd-2345" matches "ABCD2345".</summary>
    public static string NormalizeAccessCode(string typed) =>
        new(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>True when the text has the shape of a link token (it may still be unknown).</summary>
    public static bool IsLinkTokenShaped(string? text) =>
        text is { Length: >= 1 and <= 64 } && text.All(c => TokenAlphabet.Contains(c, StringComparison.Ordinal));
}
