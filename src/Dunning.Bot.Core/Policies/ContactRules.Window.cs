using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

public sealed partial class ContactRules
{
    /// <summary>
    /// The first instant ≥ <paramref name="from"/> inside the window on an allowed local day, expressed with the debtor's
    /// local offset, and the reason <paramref name="from"/> itself is outside (null when it is inside).
    /// </summary>
    private (DateTimeOffset? At, string? Reason) NextWindow(DateTimeOffset from, Debtor debtor)
    {
        var zone = Zone(debtor);
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        string? reason = null;
        for (var i = 0; i <= options.SearchHorizonDays; i++)
        {
            var day = firstDay.AddDays(i);
            var blocked = DayBlock(day, debtor);
            if (blocked is null)
            {
                var start = ToInstant(day, options.WindowStart, zone);
                var end = ToInstant(day, options.WindowEnd, zone);
                if (from < end)
                    return from >= start ? (TimeZoneInfo.ConvertTime(from, zone), reason) : (start, reason ?? "quiet_hours");
            }
            reason ??= blocked ?? "quiet_hours";
        }
        return (null, reason);
    }

    private string? DayBlock(DateOnly day, Debtor debtor)
    {
        if (options.NoPublicHolidays && holidays.HolidayName(day, debtor.Country, debtor.State) is { } name)
            return "holiday:" + name;
        return day.DayOfWeek switch
        {
            DayOfWeek.Sunday when options.NoSundays => "sunday",
            DayOfWeek.Saturday when options.NoSaturdays => "saturday",
            _ => null,
        };
    }

    /// <summary>
    /// The instant of wall-clock <paramref name="time"/> on <paramref name="day"/> in <paramref name="zone"/>. A time in a
    /// spring-forward gap maps to the transition (the first instant whose wall clock is past it); an ambiguous time maps
    /// to its first occurrence.
    /// </summary>
    internal static DateTimeOffset ToInstant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        if (!zone.IsInvalidTime(local))
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        // In the gap: read the wall time with the offset in force before it, which lands after the transition, then
        // step back minute by minute to the transition itself (gaps are whole minutes and at most a few hours).
        var before = zone.GetUtcOffset(local.AddHours(-6));
        var instant = new DateTimeOffset(local, before).ToUniversalTime();
        while (TimeZoneInfo.ConvertTime(instant.AddMinutes(-1), zone).DateTime >= local)
            instant = instant.AddMinutes(-1);
        return TimeZoneInfo.ConvertTime(instant, zone);
    }
}
