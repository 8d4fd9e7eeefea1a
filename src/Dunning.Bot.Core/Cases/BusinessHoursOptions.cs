using System.Globalization;

namespace Dunning.Bot.Core.Cases;

/// <summary>
/// The owner's opening hours per weekday (section <c>Escalation:BusinessHours</c>), in the owner's time zone
/// (<see cref="EscalationOptions.TimeZone"/>): one or more ranges <c>"09:00-17:00"</c> or <c>"08:00-12:00,13:00-17:00"</c>;
/// an empty string is a closed day. Promised answer times count only these hours.
/// </summary>
public sealed class BusinessHoursOptions
{
    public string Monday { get; set; } = "09:00-17:00";

    public string Tuesday { get; set; } = "09:00-17:00";

    public string Wednesday { get; set; } = "09:00-17:00";

    public string Thursday { get; set; } = "09:00-17:00";

    public string Friday { get; set; } = "09:00-17:00";

    public string Saturday { get; set; } = "";

    public string Sunday { get; set; } = "";

    /// <summary>The configured text for <paramref name="day"/>.</summary>
    public string For(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        _ => Sunday,
    };

    /// <summary>
    /// The open ranges of <paramref name="day"/>, in order; empty when closed. Null when the text is not a list of
    /// increasing, non-overlapping <c>HH:mm-HH:mm</c> ranges (close after open; <c>24:00</c> is the end of the day).
    /// </summary>
    public IReadOnlyList<(TimeSpan Open, TimeSpan Close)>? Ranges(DayOfWeek day)
    {
        var text = (For(day) ?? "").Trim();
        if (text.Length == 0)
            return [];
        var ranges = new List<(TimeSpan, TimeSpan)>();
        var end = TimeSpan.Zero;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || Clock(bounds[0]) is not { } open || Clock(bounds[1]) is not { } close || close <= open || open < end)
                return null;
            ranges.Add((open, close));
            end = close;
        }
        return ranges;
    }

    private static TimeSpan? Clock(string text) =>
        text == "24:00" ? TimeSpan.FromHours(24)
        : TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToTimeSpan()
        : null;
}
