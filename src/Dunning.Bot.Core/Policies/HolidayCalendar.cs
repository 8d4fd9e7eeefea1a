using System.Collections.Concurrent;
using System.Collections.Frozen;
using PublicHoliday;

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// Public holidays per country (ISO 3166-1 alpha-2) and optional state/region, from the PublicHoliday package.
/// Regional calendars: DE by state (<c>BY</c> or <c>DE-BY</c>), CH by canton (<c>ZH</c> or <c>CH-ZH</c>), GB by nation
/// (<c>ENG</c>, <c>WLS</c>, <c>SCT</c>, <c>NIR</c>; <c>UK</c> is accepted for GB). AT and US have national calendars
/// only; every other country the package knows (FR, IT, NL, JP, …) is used nationally. For a country the package does not
/// know, no holidays are known (<see cref="IsKnownCountry"/> is false) and only Sundays and quiet hours protect the debtor.
/// Thread-safe; each (country, state, year) is computed once.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly ConcurrentDictionary<(string Country, string State, int Year), FrozenDictionary<DateOnly, string>> years = new();

    /// <summary>True when holidays are known for the country.</summary>
    public static bool IsKnownCountry(string? country) => Create(Normalize(country), "") is not null;

    /// <summary>The holiday's name (as the package gives it, often in the local language) or null for a normal day.</summary>
    public string? HolidayName(DateOnly date, string? country, string? state)
    {
        var key = (Normalize(country), NormalizeState(country, state), date.Year);
        var holidays = years.GetOrAdd(key, k => Load(k.Country, k.State, k.Year));
        return holidays.TryGetValue(date, out var name) ? name : null;
    }

    public bool IsHoliday(DateOnly date, string? country, string? state) => HolidayName(date, country, state) is not null;

    /// <summary>
    /// True for a Saturday, a Sunday or a public holiday of the country/state: the days on which a deadline cannot end
    /// (§193 BGB). Saturdays count as non-working whatever the contact rules allow.
    /// </summary>
    public bool IsNonWorkingDay(DateOnly date, string? country, string? state) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || IsHoliday(date, country, state);

    /// <summary>
    /// <paramref name="date"/> itself when it is a working day, else the next working day (§193 BGB: a deadline ending on
    /// a Saturday, Sunday or public holiday ends on the next working day). Looks at most a month ahead.
    /// </summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date, string? country, string? state)
    {
        for (var guard = 0; guard < 31 && IsNonWorkingDay(date, country, state) && date < DateOnly.MaxValue; guard++)
            date = date.AddDays(1);
        return date;
    }

    private static FrozenDictionary<DateOnly, string> Load(string country, string state, int year)
    {
        if (year is < 1900 or > 2200 || Create(country, state) is not { } calendar)
            return FrozenDictionary<DateOnly, string>.Empty;
        return calendar.PublicHolidayNames(year)
            .GroupBy(h => DateOnly.FromDateTime(h.Key))
            .ToFrozenDictionary(g => g.Key, g => string.IsNullOrWhiteSpace(g.First().Value) ? "public holiday" : g.First().Value.Trim());
    }

    private static IPublicHolidays? Create(string country, string state)
    {
        switch (country)
        {
            case "":
                return null;
            case "DE":
                return new GermanPublicHoliday { State = Enum.TryParse<GermanPublicHoliday.States>(state, true, out var s) ? s : GermanPublicHoliday.States.ALL };
            case "CH":
                return Enum.TryParse<SwitzerlandPublicHoliday.Cantons>(state, true, out var canton) && canton != SwitzerlandPublicHoliday.Cantons.ALL
                    ? new SwitzerlandPublicHoliday { Canton = canton }
                    : new SwitzerlandPublicHoliday(false, false, false);
            case "GB":
                return new UKBankHoliday(state switch
                {
                    "SCT" or "SCOTLAND" => UKBankHoliday.UkCountries.Scotland,
                    "NIR" or "NORTHERNIRELAND" => UKBankHoliday.UkCountries.NorthernIreland,
                    "WLS" or "WALES" => UKBankHoliday.UkCountries.Wales,
                    _ => UKBankHoliday.UkCountries.England,
                });
            default:
                try
                {
                    return PublicHolidayFactory.GetPublicHolidayForCountry(country);
                }
                catch (ArgumentException)
                {
                    return null;
                }
        }
    }

    private static string Normalize(string? country)
    {
        var code = country?.Trim().ToUpperInvariant() ?? "";
        return code == "UK" ? "GB" : code.Length == 2 && code.All(char.IsAsciiLetterUpper) ? code : "";
    }

    private static string NormalizeState(string? country, string? state)
    {
        var value = (state ?? "").Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        var prefix = Normalize(country) + "-";
        return value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;
    }
}
