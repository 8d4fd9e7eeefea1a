using System.Globalization;
using System.Text;

namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Folds text for matching: lower case, accents removed ("ö" → "o", "ß" → "ss"), punctuation turned into
/// spaces, runs of spaces collapsed, trimmed. "  Überweisung!! " and "uberweisung" fold alike.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Input longer than this is not matched by the default recognizers (it is not an answer).</summary>
    public const int MaxRecognizedLength = 500;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (text.Length <= 256 && Ascii.IsValid(text))
            return NormalizeAscii(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                    builder.Append(' ');
                pendingSpace = false;
                if (c == 'ß')
                    builder.Append("ss");
                else
                    builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }

    // The same folding for ASCII text (no accents to strip, nothing to decompose) without the Unicode
    // normalization and the builder; text that is already folded (a choice value like "transfer") is returned as is.
    private static string NormalizeAscii(string text)
    {
        Span<char> folded = stackalloc char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && length > 0)
                    folded[length++] = ' ';
                pendingSpace = false;
                folded[length++] = char.ToLowerInvariant(c);
            }
            else
            {
                pendingSpace = true;
            }
        }
        folded = folded[..length];
        return folded.SequenceEqual(text) ? text : new string(folded);
    }

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words (both normalized).</summary>
    public static bool ContainsWords(string text, string phrase)
    {
        if (phrase.Length == 0)
            return false;
        var start = 0;
        while ((start = text.IndexOf(phrase, start, StringComparison.Ordinal)) >= 0)
        {
            var end = start + phrase.Length;
            if ((start == 0 || text[start - 1] == ' ') && (end == text.Length || text[end] == ' '))
                return true;
            start = end;
        }
        return false;
    }
}
