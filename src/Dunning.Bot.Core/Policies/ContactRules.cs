using System.Collections.Concurrent;
using Dunning.Bot.Core.Domain;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// Decides whether a proactive message may go out now. Suppressed when: every invoice it is about is paid, disputed,
/// paused or written off (re-checked with <see cref="Invoice.IsDunnable"/> at evaluation time), staff own the
/// conversation, or the channel address is missing, opted out or dead. Otherwise deferred to the next allowed instant
/// when: the 7-day cap is reached, the minimum gap has not passed, or the debtor's local time is outside the window, on
/// a Sunday (or Saturday, if configured) or on a public holiday of the debtor's country and state.
/// <para>
/// The next allowed instant is exact and deterministic: the earliest instant not before the cap and gap limits (measured
/// in absolute time) whose wall-clock time in the debtor's IANA zone is inside the window on an allowed day. A window
/// start that does not exist on a spring-forward day begins at the transition; an ambiguous one (fall back) is taken at
/// its first occurrence.
/// </para>
/// </summary>
public sealed class ContactRules
{
    private readonly ContactRulesOptions options;
    private readonly HolidayCalendar holidays;
    private readonly ConcurrentDictionary<string, TimeZoneInfo> zones = new(StringComparer.Ordinal);

    public ContactRules(IOptions<ContactRulesOptions> options, HolidayCalendar holidays)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(holidays);
        this.options = OptionsCheck.Valid(options.Value, o => o.Validate());
        this.holidays = holidays;
    }

    public ContactDecision Evaluate(ContactRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = request.Now;
        var excluded = request.Invoices
            .Where(i => !i.IsDunnable(now))
            .Select(i => (i.Number, InvoiceReason(i.StatusAt(now))))
            .ToList();
        if (request.Invoices.Count > 0 && excluded.Count == request.Invoices.Count)
            return ContactDecision.Suppressed(excluded[0].Item2, excluded);
        if (request.StaffOwnsConversation)
            return ContactDecision.Suppressed("staff_owns", excluded);
        var contact = request.Debtor.Contact(request.Channel);
        if (contact is null)
            return ContactDecision.Suppressed("no_address", excluded);
        if (contact.OptedOutAt is not null)
            return ContactDecision.Suppressed("opted_out", excluded);
        if (contact.DeadSince is not null)
            return ContactDecision.Suppressed("address_dead", excluded);

        var (earliest, reason) = FrequencyLimit(now, request.RecentProactive);
        var (until, windowReason) = NextWindow(earliest, request.Debtor);
        if (until is not { } at)
            return ContactDecision.Suppressed("no_window", excluded);
        if (at <= now)
            return ContactDecision.Allowed(excluded);
        return ContactDecision.Deferred(at, reason ?? windowReason ?? "quiet_hours", excluded);
    }

    /// <summary>The earliest instant at or after <paramref name="from"/> inside the debtor's window (ignores caps and gaps); null past the search horizon.</summary>
    public DateTimeOffset? NextAllowedInstant(Debtor debtor, DateTimeOffset from) => NextWindow(from, debtor).At;

    /// <summary>The earliest allowed instant on or after the start of <paramref name="date"/> in the debtor's zone (for NextActionAt).</summary>
    public DateTimeOffset? NextAllowedInstant(Debtor debtor, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        return NextWindow(ToInstant(date, TimeOnly.MinValue, Zone(debtor)), debtor).At;
    }

    /// <summary>The calendar date of <paramref name="instant"/> in the debtor's time zone ("today" for the ladder).</summary>
    public DateOnly LocalDate(Debtor debtor, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone(debtor)).DateTime);
    }

    private (DateTimeOffset Earliest, string? Reason) FrequencyLimit(DateTimeOffset now, IReadOnlyList<DateTimeOffset> recent)
    {
        var window = TimeSpan.FromDays(7);
        var inWindow = recent.Where(s => s > now - window).OrderByDescending(s => s).ToList();
        var earliest = now;
        string? reason = null;
        if (inWindow.Count >= options.MaxProactivePer7Days)
        {
            // The oldest send that still counts against the cap must leave the rolling window first.
            earliest = inWindow[options.MaxProactivePer7Days - 1] + window;
            reason = "cap_7_days";
        }
        if (inWindow.Count > 0 && inWindow[0] + TimeSpan.FromHours(options.MinGapHours) is var gapEnd && gapEnd > earliest)
        {
            earliest = gapEnd;
            reason ??= "min_gap";
        }
        return (earliest, reason);
    }

    private static string InvoiceReason(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Paid => "invoice_paid",
        InvoiceStatus.Disputed => "invoice_disputed",
        InvoiceStatus.Paused => "invoice_paused",
        InvoiceStatus.WrittenOff => "invoice_written_off",
        _ => "invoice_not_dunnable",
    };

    private TimeZoneInfo Zone(Debtor debtor) => zones.GetOrAdd(debtor.TimeZone, TimeZoneInfo.FindSystemTimeZoneById);

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
