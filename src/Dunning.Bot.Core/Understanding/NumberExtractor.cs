using System.Globalization;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Finds invoice numbers, instalment counts and amounts, in that order, so that an invoice
/// number or a count is never read as money. Dates must have been extracted before.
/// </summary>
internal static class NumberExtractor
{
    private const int MinInstalments = 2;
    private const int MaxInstalments = 120;
    private const int MaxCountAfterUnit = 12;

    public static List<string> InvoiceNumbers(MessageAnalysis message)
    {
        var found = new List<string>();
        for (var i = 0; i < message.Words.Count; i++)
        {
            if (message.Consumed[i])
                continue;
            var token = message.TokenAt(i);
            var isInvoice = token.Kind switch
            {
                TokenKind.Mixed => token.Raw.Count(char.IsDigit) >= 3 && CurrencyIn(message, token.Raw) is null,
                TokenKind.Number => !token.Raw.Contains('.', StringComparison.Ordinal) && !token.Raw.Contains(',', StringComparison.Ordinal)
                    && AfterInvoiceKeyword(message, i),
                _ => false,
            };
            if (!isInvoice)
                continue;
            message.Consumed[i] = true;
            found.Add(token.Raw.ToUpperInvariant());
        }
        return found;
    }

    /// <summary>Right after a keyword ("Rechnung 12345"), or after two ("Rechnung Nr. 12345", "invoice #4711").</summary>
    private static bool AfterInvoiceKeyword(MessageAnalysis message, int i)
    {
        var keywords = message.Model.InvoiceKeywords;
        return i > 0 && keywords.Contains(message.Words[i - 1]);
    }

    /// <summary>"in 3 Raten", "four instalments", "zwei Teilzahlungen", "die Hälfte jetzt, den Rest im Januar" (2).</summary>
    public static int? Instalments(MessageAnalysis message, bool periodCounts)
    {
        var words = message.Words;
        var model = message.Model;
        var halves = 0;
        var rests = 0;
        var nowBeforeRest = false;
        for (var i = 0; i < words.Count; i++)
        {
            if (model.HalfWords.Contains(words[i]))
                halves++;
            if (model.RestWords.Contains(words[i]))
                rests++;
            if (rests == 0 && model.NowWords.Contains(words[i]))
                nowBeforeRest = true;
            if (message.Consumed[i] || DateExtractor.CountAt(message, i) is not { } count)
                continue;
            var unit = i + 1 < words.Count && model.InstalmentUnits.Contains(words[i + 1]) ? i + 1
                : i + 2 < words.Count && model.InstalmentUnits.Contains(words[i + 2]) && message.TokenAt(i + 1).Kind == TokenKind.Word ? i + 2
                : -1;
            // "über 6 Monate abzahlen": a period in months is a count only when asking for instalments.
            if (unit < 0 && periodCounts && i > 0 && model.Dates.PeriodPrepositions.Contains(words[i - 1])
                && i + 1 < words.Count && model.Dates.Units.GetValueOrDefault(words[i + 1]) == "month")
                unit = i + 1;
            if (unit < 0 || count is < MinInstalments or > MaxInstalments)
                continue;
            for (var k = i; k <= unit; k++)
                message.Consumed[k] = true;
            return count;
        }
        // "die Hälfte jetzt, den Rest im Januar", "200 now and the rest on Dec 15": two parts.
        return halves >= 2 || (rests >= 1 && (halves >= 1 || nowBeforeRest)) ? 2 : CountAfterUnit(message);
    }

    /// <summary>
    /// "in Raten, vielleicht 3?", "instalments please, maybe 4": a small count that closes the message or its clause a
    /// few words after the unit. Only up to <see cref="MaxCountAfterUnit"/>, so "Raten von 50" stays a rate.
    /// </summary>
    private static int? CountAfterUnit(MessageAnalysis message)
    {
        var words = message.Words;
        for (var u = 0; u < words.Count; u++)
        {
            if (!message.Model.InstalmentUnits.Contains(words[u]))
                continue;
            for (var i = u + 1; i < words.Count && i <= u + 4; i++)
            {
                if (message.Consumed[i] || message.TokenAt(i).Kind != TokenKind.Number || DateExtractor.CountAt(message, i) is not { } count)
                    continue;
                var closes = i + 1 == words.Count || message.ClauseOf(i + 1) != message.ClauseOf(i);
                if (count is >= MinInstalments and <= MaxCountAfterUnit && closes && CurrencyOf(message, i - 1) is null)
                {
                    message.Consumed[i] = true;
                    return count;
                }
            }
        }
        return null;
    }

    /// <summary>The first sum with a currency; failing that, the first bare number (the caller decides whether it counts).</summary>
    public static AmountMention? Amount(MessageAnalysis message)
    {
        AmountMention? bare = null;
        var words = message.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (message.Consumed[i])
                continue;
            var token = message.TokenAt(i);
            if (token.Kind == TokenKind.Mixed && CurrencyIn(message, token.Raw) is { } joined)
                return joined;
            var currencyAfter = i + 1 < words.Count ? CurrencyOf(message, i + 1) : null;
            var currencyBefore = i > 0 ? CurrencyOf(message, i - 1) : null;
            if (token.Kind == TokenKind.Number && ParseDecimal(token.Raw) is { } value)
            {
                if ((currencyAfter ?? currencyBefore) is { } currency)
                    return new AmountMention(value, currency);
                if (bare is null && !CountsSomethingElse(message, i) && !LooksLikeYear(token.Raw) && !LooksLikeIdentifier(token.Raw))
                    bare = new AmountMention(value, null);
                continue;
            }
            if (currencyAfter is not null && token.Kind == TokenKind.Word && SpelledBefore(message, i + 1) is { } spelled)
                return new AmountMention(spelled, currencyAfter);
        }
        return bare;
    }

    /// <summary>"3 Stunden", "6 Monate", "10%", "2 hours": the number counts time, pieces or percent, not money.</summary>
    private static bool CountsSomethingElse(MessageAnalysis message, int i)
    {
        if (i + 1 >= message.Words.Count)
            return false;
        var next = message.Words[i + 1];
        return message.TokenAt(i + 1).Kind == TokenKind.Percent || message.Model.Numbers.NotMoney.Contains(next)
            || message.Model.Dates.Units.ContainsKey(next);
    }

    /// <summary>Seven or more digits without separators: an order, customer or phone number, not a sum.</summary>
    private static bool LooksLikeIdentifier(string raw) => raw.Length >= 7 && raw.All(char.IsDigit);

    private static bool LooksLikeYear(string raw) =>
        raw.Length == 4 && raw.All(char.IsDigit) && raw[0] is '1' or '2' && int.Parse(raw, CultureInfo.InvariantCulture) is >= 1990 and <= 2100;

    /// <summary>The value of the number words right before position <paramref name="end"/> ("zweihundert fünfzig", "two hundred and fifty").</summary>
    private static decimal? SpelledBefore(MessageAnalysis message, int end)
    {
        var numbers = message.Model.Numbers;
        var start = end;
        while (start > 0 && message.TokenAt(start - 1).Kind == TokenKind.Word
               && (numbers.IsNumberWord(message.Words[start - 1]) || (numbers.IsJoiner(message.Words[start - 1]) && start - 1 < end - 1)))
            start--;
        while (start < end && numbers.IsJoiner(message.Words[start]))
            start++;
        if (start == end)
            return null;
        int total = 0, current = 0;
        for (var k = start; k < end; k++)
        {
            if (!numbers.Accumulate(message.Words[k], ref total, ref current))
                return null;
        }
        return total + current;
    }

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
