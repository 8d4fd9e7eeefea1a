using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Chat;

/// <summary>
/// Finds what a debtor typed as an access code: one word of a sentence ("my code is ABCD2345"), else the whole message
/// ("abcd-2345", "ABCD 2345"). A word without digits counts only when it is the whole message and means nothing
/// else (about one code in ten has no digit; "Rechnung" or "Hallo" must not cost an attempt).
/// </summary>
public static class AccessCodeCandidate
{
    private const int MinLength = 6;
    private const int MaxLength = 16;

    /// <summary>The normalized candidate (upper case, no spaces or dashes), or null when the text holds none.</summary>
    public static string? Find(string? text, Intent intent)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
            return null;
        // A word with letters and digits first ("my code is ABCD2345"), then the whole message ("ABCD 2345", "abcd-2345").
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = DebtorSecrets.NormalizeAccessCode(word.Trim('.', ',', '!', '?', ':', ';', '"', '\'', '(', ')', '„', '“'));
            if (IsCodeShaped(candidate) && candidate.Any(char.IsAsciiDigit) && candidate.Any(char.IsAsciiLetter))
                return candidate;
        }
        var whole = DebtorSecrets.NormalizeAccessCode(text);
        return IsCodeShaped(whole) && (whole.Any(char.IsAsciiDigit) || (whole.Length == DebtorSecrets.AccessCodeLength && intent == Intent.Unknown))
            ? whole
            : null;
    }

    private static bool IsCodeShaped(string candidate) =>
        candidate.Length is >= MinLength and <= MaxLength && candidate.All(char.IsAsciiLetterOrDigit);
}
