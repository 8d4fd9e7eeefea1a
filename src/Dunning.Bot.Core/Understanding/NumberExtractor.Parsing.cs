using System.Globalization;

namespace Dunning.Bot.Core.Understanding;

internal static partial class NumberExtractor
{
    private static string? CurrencyOf(MessageAnalysis message, int i)
    {
        var token = message.TokenAt(i);
        if (token.Kind is not (TokenKind.Currency or TokenKind.Word))
            return null;
        return message.Model.Currencies.GetValueOrDefault(message.Words[i]);
    }

    /// <summary>"150eur", "eur150", "150€" written together.</summary>
    private static AmountMention? CurrencyIn(MessageAnalysis message, string raw)
    {
        var firstLetter = -1;
        var lastLetter = -1;
        for (var k = 0; k < raw.Length; k++)
        {
            if (!char.IsLetter(raw[k]))
                continue;
            if (firstLetter < 0)
                firstLetter = k;
            lastLetter = k;
        }
        if (firstLetter < 0)
            return null;
        string letters, digits;
        if (firstLetter == 0)
            (letters, digits) = (raw[..(lastLetter + 1)], raw[(lastLetter + 1)..]);
        else if (lastLetter == raw.Length - 1)
            (letters, digits) = (raw[firstLetter..], raw[..firstLetter]);
        else
            return null;
        if (!message.Model.Currencies.TryGetValue(message.Model.Key(letters), out var currency) || ParseDecimal(digits.Trim('-')) is not { } value)
            return null;
        return new AmountMention(value, currency);
    }

    /// <summary>
    /// Reads "1.234,56", "1,234.56", "250,50", "1.200", "1200": with both separators the last one
    /// is the decimal mark; a single separator followed by exactly three digits groups thousands.
    /// </summary>
    internal static decimal? ParseDecimal(string raw)
    {
        raw = raw.TrimEnd('.', ',');
        if (raw.Length == 0 || raw.Length > 24 || !char.IsDigit(raw[0]))
            return null;
        var lastDot = raw.LastIndexOf('.');
        var lastComma = raw.LastIndexOf(',');
        var decimalMark = -1;
        if (lastDot >= 0 && lastComma >= 0)
            decimalMark = Math.Max(lastDot, lastComma);
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var mark = Math.Max(lastDot, lastComma);
            var separator = raw[mark];
            var once = raw.IndexOf(separator) == mark;
            if (once && raw.Length - mark - 1 != 3)
                decimalMark = mark;
        }
        var digits = new System.Text.StringBuilder(raw.Length);
        for (var k = 0; k < raw.Length; k++)
        {
            var ch = raw[k];
            if (char.IsDigit(ch))
                digits.Append(ch);
            else if (k == decimalMark)
                digits.Append('.');
            else if (ch is not ('.' or ','))
                return null;
        }
        return decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
