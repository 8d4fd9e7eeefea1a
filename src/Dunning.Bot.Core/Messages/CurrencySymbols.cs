using System.Collections.Concurrent;
using System.Globalization;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Messages;

/// <summary>
/// Money display: the culture's number pattern (grouping, decimal mark, symbol position) with the symbol of
/// the amount's own currency, so 1234.56 EUR reads "1.234,56 €" in German and "€1,234.56" in British English.
/// </summary>
public static class CurrencySymbols
{
    /// <summary>Symbols for the currencies a European owner meets most; others come from culture data.</summary>
    private static readonly Dictionary<string, string> Common = new(StringComparer.Ordinal)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["CHF"] = "CHF", ["JPY"] = "¥",
    };

    private static readonly ConcurrentDictionary<(string Culture, string Currency), NumberFormatInfo> Formats = new();

    public static string Format(decimal amount, string currency, CultureInfo culture)
    {
        var format = Formats.GetOrAdd((culture.Name, currency), static key => Build(key.Culture, key.Currency));
        var rounded = Math.Round(amount, format.CurrencyDecimalDigits, MidpointRounding.AwayFromZero);
        return Spaces.Plain(rounded.ToString("C", format));
    }

    private static NumberFormatInfo Build(string cultureName, string currency)
    {
        var format = (NumberFormatInfo)CultureInfo.GetCultureInfo(cultureName).NumberFormat.Clone();
        format.CurrencySymbol = Symbol(currency);
        format.CurrencyDecimalDigits = Currency.MinorUnits(currency);
        if (format.CurrencySymbol.All(char.IsLetter))
        {
            // A code-like symbol needs a space where a sign like € sits flush: "CHF 99.90", not "CHF99.90".
            format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var p => p };
            format.CurrencyNegativePattern = format.CurrencyNegativePattern switch { 0 => 14, 1 => 9, 5 => 8, var p => p };
        }

        return NumberFormatInfo.ReadOnly(format);
    }

    private static string Symbol(string currency)
    {
        if (Common.TryGetValue(currency, out var symbol))
            return symbol;
        var region = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
            .FirstOrDefault(r => r?.ISOCurrencySymbol == currency);
        return region?.CurrencySymbol ?? currency;
    }
}
