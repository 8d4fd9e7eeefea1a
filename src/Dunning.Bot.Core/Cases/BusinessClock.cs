using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Cases;

/// <summary>
/// Counts the owner's business time (<see cref="EscalationOptions.BusinessHours"/> in <see cref="EscalationOptions.TimeZone"/>,
/// closed on the public holidays of <see cref="EscalationOptions.Country"/>/<see cref="EscalationOptions.State"/>): a
/// target of four hours raised on Saturday night ends on Monday at 13:00, not on Sunday at 02:00. Pure; options checked
/// at start-up (<see cref="EscalationOptions.Validate"/>).
/// </summary>
public sealed class BusinessClock
{
    private const int SearchDays = 400;
    private readonly EscalationOptions options;
    private readonly HolidayCalendar holidays;
    private readonly TimeZoneInfo zone;

    public BusinessClock(EscalationOptions options, HolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = OptionsCheck.Valid(options, o => o.Validate());
        this.holidays = holidays ?? throw new ArgumentNullException(nameof(holidays));
        zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    }

    /// <summary>The owner's time zone.</summary>
    public TimeZoneInfo Zone => zone;

    /// <summary>
    /// The instant <paramref name="businessHours"/> of open time after <paramref name="from"/> (from the next opening when
    /// closed), rounded up to <see cref="EscalationOptions.RoundUpToMinutes"/> within its range. Always inside business hours
    /// (an instant equal to a closing time counts as inside: "by 5 pm").
    /// </summary>
    public DateTimeOffset After(DateTimeOffset from, double businessHours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessHours);
        var remaining = TimeSpan.FromHours(businessHours);
        var local = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        for (var i = 0; i < SearchDays; i++, day = day.AddDays(1), time = TimeSpan.Zero)
        {
            foreach (var (open, close) in OpenRanges(day))
            {
                if (time >= close)
                    continue;
                var start = time > open ? time : open;
                if (remaining <= close - start)
                    return Instant(day, RoundUp(start + remaining, close));
                remaining -= close - start;
            }
        }
        throw new InvalidOperationException($"No business hours within {SearchDays} days of {from:O}.");
    }

    /// <summary>True when <paramref name="instant"/> falls in an open range of a working day (closing time included).</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var time = local.TimeOfDay;
        return OpenRanges(DateOnly.FromDateTime(local)).Any(r => time >= r.Open && time <= r.Close);
    }

    /// <summary>The open ranges of <paramref name="day"/> on the owner's clock; none on a public holiday.</summary>
    public IReadOnlyList<(TimeSpan Open, TimeSpan Close)> OpenRanges(DateOnly day) =>
        holidays.IsHoliday(day, options.Country, options.State) ? [] : options.BusinessHours.Ranges(day.DayOfWeek) ?? [];

    private TimeSpan RoundUp(TimeSpan at, TimeSpan close)
    {
        var step = TimeSpan.FromMinutes(options.RoundUpToMinutes);
        var rounded = TimeSpan.FromTicks((at.Ticks + step.Ticks - 1) / step.Ticks * step.Ticks);
        return rounded > close ? close : rounded;
    }

    /// <summary>The instant of a local time of day; a time skipped by a clock change moves on to the first valid one.</summary>
    private DateTimeOffset Instant(DateOnly day, TimeSpan time)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(time);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
