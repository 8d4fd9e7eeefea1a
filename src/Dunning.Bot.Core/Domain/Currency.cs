using System.Collections.Frozen;
using System.Globalization;

namespace Dunning.Bot.Core.Domain;

/// <summary>ISO 4217 currency codes known to the platform's culture data, plus their minor units.</summary>
public static class Currency
{
    private static readonly FrozenSet<string> Known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>()
        .Where(code => code.Length == 3)
        .Concat(["EUR", "USD", "GBP", "CHF", "PLN", "CZK", "DKK", "SEK", "NOK", "HUF", "JPY"])
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ZeroDecimals = new[] { "JPY", "KRW", "ISK", "CLP", "VND", "XOF", "XAF", "HUF" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a known upper-case ISO 4217 code such as <c>EUR</c>.</summary>
    public static bool IsKnown(string? code) => code is { Length: 3 } && Known.Contains(code);

    /// <summary>Returns the normalized (upper-case) code or throws <see cref="DomainException"/>.</summary>
    public static string Normalize(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant();
        return IsKnown(upper) ? upper! : throw new DomainException($"Unknown currency '{code}': expected an ISO 4217 code such as EUR.");
    }

    /// <summary>Digits after the decimal point for amounts in this currency (2 for EUR).</summary>
    public static int MinorUnits(string code) => ZeroDecimals.Contains(code) ? 0 : 2;
}
