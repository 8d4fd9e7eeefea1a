using System.Globalization;

namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Finds exactly one number written with digits, honouring the locale's separators: German "1.250,50"
/// and English "1,250.50" are both 1250.5. A single separator followed by exactly three digits is a
/// thousands separator only if it is the locale's group separator ("1.500" is 1500 in German, 1.5 in
/// English). Text with no number or several numbers is not recognized.
/// </summary>
public sealed class DefaultNumberRecognizer : INumberRecognizer
{
    public static DefaultNumberRecognizer Instance { get; } = new();

    public ValueTask<decimal?> RecognizeAsync(string? text, string? locale, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Recognize(text, locale));

    /// <inheritdoc cref="INumberRecognizer.RecognizeAsync"/>
    public static decimal? Recognize(string? text, string? locale)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > TextNormalizer.MaxRecognizedLength)
            return null;
        var groupSeparator = TurnErrorReply.LanguageOf(locale) == "de" ? '.' : ',';

        string? found = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || ((text[i] is '.' or ',') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                i++;
            if (found is not null)
                return null;
            var negative = start > 0 && text[start - 1] == '-' && (start == 1 || !char.IsLetterOrDigit(text[start - 2]));
            found = (negative ? "-" : string.Empty) + text[start..i];
        }
        return found is null ? null : Parse(found, groupSeparator);
    }

    private static decimal? Parse(string token, char groupSeparator)
    {
        var lastDot = token.LastIndexOf('.');
        var lastComma = token.LastIndexOf(',');
        char? decimalSeparator;
        if (lastDot >= 0 && lastComma >= 0)
        {
            decimalSeparator = lastDot > lastComma ? '.' : ',';
        }
        else if (lastDot < 0 && lastComma < 0)
        {
            decimalSeparator = null;
        }
        else
        {
            var separator = lastDot >= 0 ? '.' : ',';
            var last = Math.Max(lastDot, lastComma);
            var several = token.IndexOf(separator) != last;
            var threeDigitsAfter = token.Length - last - 1 == 3;
            decimalSeparator = several || (threeDigitsAfter && separator == groupSeparator) ? null : separator;
        }

        Span<char> clean = stackalloc char[token.Length];
        var length = 0;
        var seenDecimal = false;
        for (var i = token.Length - 1; i >= 0; i--)
        {
            var c = token[i];
            if (c == decimalSeparator && !seenDecimal)
            {
                seenDecimal = true;
                clean[length++] = '.';
            }
            else if (c is not ('.' or ','))
            {
                clean[length++] = c;
            }
            else if (c == decimalSeparator)
            {
                return null;
            }
        }
        clean[..length].Reverse();
        return decimal.TryParse(clean[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
