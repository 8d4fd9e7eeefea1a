using System.Globalization;

namespace Dunning.Bot.Intake;

/// <summary>
/// Reads amounts written the German (<c>1.234,56</c>) or English (<c>1,234.56</c>) way, deciding per value. With
/// both separators the last one is the decimal separator. A single separator followed by exactly three digits
/// (<c>1,234</c>, <c>1.234</c>) is ambiguous and follows the file's hint: <c>;</c>-separated files are read the
/// German way, <c>,</c>-separated ones the English way. Thousands groups must have three digits.
/// </summary>
internal static class LocaleNumbers
{
    public static bool TryParse(string text, bool decimalComma, out decimal value)
    {
        value = 0m;
        var s = text.Trim().Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
            s = s[1..];
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c is '.' or ','))
            return false;

        var (decimalSeparator, groupSeparator) = Separators(s, decimalComma);
        var integerPart = decimalSeparator is { } d ? s[..s.LastIndexOf(d)] : s;
        var fraction = decimalSeparator is { } d2 ? s[(s.LastIndexOf(d2) + 1)..] : "";
        if (decimalSeparator is not null && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit)))
            return false;
        if (!TryUngroup(integerPart, groupSeparator, out var digits))
            return false;
        var invariant = (negative ? "-" : "") + digits + (fraction.Length > 0 ? "." + fraction : "");
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static (char? Decimal, char? Group) Separators(string s, bool decimalComma)
    {
        int dots = s.Count(c => c == '.'), commas = s.Count(c => c == ',');
        if (dots > 0 && commas > 0)
            return s.LastIndexOf('.') > s.LastIndexOf(',') ? ('.', ',') : (',', '.');
        if (dots + commas == 0)
            return (null, null);
        var separator = dots > 0 ? '.' : ',';
        if (dots + commas > 1)
            return (null, separator);
        var at = s.IndexOf(separator);
        var before = s[..at];
        var digitsAfter = s.Length - at - 1;
        // "0,125" or ",5" cannot be thousands; "1,5" or "1,2345" cannot either.
        if (digitsAfter != 3 || before.Length == 0 || before == "0" || before.Length > 3)
            return (separator, null);
        return (separator == ',') == decimalComma ? (separator, null) : (null, separator);
    }

    private static bool TryUngroup(string integerPart, char? group, out string digits)
    {
        digits = integerPart;
        if (group is not { } g)
            return integerPart.Length > 0 && integerPart.All(char.IsAsciiDigit);
        var groups = integerPart.Split(g);
        if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(x => x.Length != 3) || !groups.All(x => x.All(char.IsAsciiDigit)))
            return false;
        digits = string.Concat(groups);
        return true;
    }
}
