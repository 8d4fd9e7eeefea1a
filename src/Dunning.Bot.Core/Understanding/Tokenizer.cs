using System.Globalization;
using System.Text;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Splits a message into normalized tokens. Numbers keep their inner separators ("1.234,56",
/// "5.12.", "1/15/2027"); letter words joined by hyphens become one word; emoji become tokens;
/// punctuation ends a clause (negation does not cross it). Work is capped at <see cref="MaxChars"/>.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Only the start of a very long message is read; requests come first in practice.</summary>
    public const int MaxChars = 2_000;

    public const int MaxTokens = 300;

    public static List<Token> Tokenize(string text, out bool hasUmlaut, out bool isQuestion)
    {
        var tokens = new List<Token>(16);
        hasUmlaut = false;
        isQuestion = false;
        var length = Math.Min(text.Length, MaxChars);
        var clause = 0;
        var i = 0;
        var raw = new StringBuilder(16);
        while (i < length && tokens.Count < MaxTokens)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                raw.Clear();
                while (i < length)
                {
                    c = text[i];
                    if (char.IsLetterOrDigit(c))
                    {
                        if (c is 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü')
                            hasUmlaut = true;
                        raw.Append(char.ToLowerInvariant(c));
                        i++;
                    }
                    else if (IsJoiner(text, i, length, raw))
                    {
                        raw.Append(c is '’' or '`' or '´' ? '\'' : c);
                        i++;
                    }
                    else
                        break;
                }
                // "5.12." and "20." keep their closing dot: it makes them dates, not amounts.
                if (i < length && text[i] == '.' && IsDigitsAndDots(raw))
                {
                    raw.Append('.');
                    i++;
                }
                tokens.Add(MakeWordToken(raw.ToString(), clause));
                continue;
            }
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.CurrencySymbol)
                tokens.Add(new Token(c.ToString(), c.ToString(), TokenKind.Currency, clause));
            else if (c == '%')
                tokens.Add(new Token("%", "%", TokenKind.Percent, clause));
            else if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = char.ConvertToUtf32(c, text[i + 1]);
                if (!IsEmojiModifier(rune))
                    tokens.Add(new Token(char.ConvertFromUtf32(rune), "", TokenKind.Emoji, clause));
                i += 2;
                continue;
            }
            else if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol && c > 0x2000)
                tokens.Add(new Token(c.ToString(), "", TokenKind.Emoji, clause));
            else if (c is '?' or '？')
            {
                isQuestion = true;
                clause++;
            }
            else if (c is ',' or '.' or ';' or '!' or ':' or '(' or ')' or '\n' or '\r' or '"' or '–' or '—')
                clause++;
            i++;
        }
        return tokens;
    }

    private static bool IsJoiner(string text, int i, int length, StringBuilder raw)
    {
        if (i + 1 >= length || raw.Length == 0 || !char.IsLetterOrDigit(text[i + 1]))
            return false;
        var previous = raw[^1];
        var next = text[i + 1];
        return text[i] switch
        {
            '.' or ',' or '/' or ':' => char.IsDigit(previous) && char.IsDigit(next),
            '-' => true,
            '\'' or '’' or '`' or '´' => char.IsLetter(previous) && char.IsLetter(next),
            _ => false,
        };
    }

    private static bool IsDigitsAndDots(StringBuilder raw)
    {
        if (raw.Length == 0 || raw.Length > 6)
            return false;
        for (var k = 0; k < raw.Length; k++)
        {
            if (!char.IsDigit(raw[k]) && raw[k] != '.')
                return false;
        }
        return true;
    }

    private static Token MakeWordToken(string raw, int clause)
    {
        var hasDigit = false;
        var hasLetter = false;
        foreach (var ch in raw)
        {
            hasDigit |= char.IsDigit(ch);
            hasLetter |= char.IsLetter(ch);
        }
        if (hasDigit && !hasLetter)
            return new Token(raw, raw, TokenKind.Number, clause);
        if (hasDigit)
            return new Token(Folding.Fold(raw, keepHyphens: true), raw, TokenKind.Mixed, clause);
        return new Token(Folding.Fold(raw, keepHyphens: false), raw, TokenKind.Word, clause);
    }

    private static bool IsEmojiModifier(int rune) =>
        rune is >= 0x1F3FB and <= 0x1F3FF or 0xFE0F or 0x200D;
}
