using System.Globalization;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Finds the first date a message names: relative words ("übermorgen", "end of the month"),
/// numeric dates (d.m.yyyy always; a/b/yyyy as m/d in English and d/m in German), day and
/// month names ("20. Dezember", "January 15th", "Mitte Dezember"), weekdays and durations
/// ("in zwei Wochen", "10 more days", "vor 3 Tagen"). Words it uses are marked consumed.
/// </summary>
internal static partial class DateExtractor
{
    public static DateMention? Extract(MessageAnalysis message, DateOnly today)
    {
        var words = message.Words;
        var dates = message.Model.Dates;
        var relative = FindRelative(message, today);
        for (var i = 0; i < words.Count; i++)
        {
            if (relative is { } r && r.Start == i)
                return r.Mention;
            if (message.Consumed[i])
                continue;
            var mention = Numeric(message, i) ?? Named(message, i) ?? Weekday(message, i, today) ?? Duration(message, i, today)
                ?? Holiday(message, i) ?? WeekOfMonth(message, i) ?? DayAlone(message, i);
            if (mention is not null)
                return mention;
        }
        return relative?.Mention;
    }

    private static (int Start, DateMention Mention)? FindRelative(MessageAnalysis message, DateOnly today)
    {
        foreach (var match in message.Model.Dates.Relative.Matches(message.Words))
        {
            if (match.Start > 0 && message.Model.Dates.TimeOfDayBefore.Contains(message.Words[match.Start - 1]))
                continue;
            Consume(message, match.Start, match.End);
            return (match.Start, new DateMention.Fixed(Anchor(match.Pattern.Payload, today)));
        }
        return null;
    }

    private static DateOnly Anchor(string anchor, DateOnly today)
    {
        var monthEnd = new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));
        var nextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var toFriday = ((int)DayOfWeek.Friday - (int)today.DayOfWeek + 7) % 7;
        return anchor switch
        {
            "today" => today,
            "tomorrow" => today.AddDays(1),
            "day_after_tomorrow" => today.AddDays(2),
            "yesterday" => today.AddDays(-1),
            "day_before_yesterday" => today.AddDays(-2),
            "week_end" => today.AddDays(toFriday),
            "next_week" => today.AddDays(toFriday + 7 - (today.DayOfWeek == DayOfWeek.Saturday ? 7 : 0)),
            "month_end" => monthEnd,
            "next_month" => nextMonth,
            "next_month_end" => nextMonth.AddMonths(1).AddDays(-1),
            "year_end" => new DateOnly(today.Year, 12, 31),
            _ => today,
        };
    }

    private static DateMention? Numeric(MessageAnalysis message, int i)
    {
        var token = message.TokenAt(i);
        if (token.Kind != TokenKind.Number)
            return null;
        var raw = token.Raw;
        if (raw.Contains('-', StringComparison.Ordinal))
            return Iso(message, i, raw);
        var slash = raw.Contains('/', StringComparison.Ordinal);
        var parts = raw.Split(slash ? '/' : '.', StringSplitOptions.None);
        if (!slash && (parts.Length < 3 || !raw.Contains('.', StringComparison.Ordinal)))
            return null;
        if (slash && parts.Length is < 2 or > 3)
            return null;
        if (!int.TryParse(parts[0], CultureInfo.InvariantCulture, out var a) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var b))
            return null;
        int? year = null;
        if (parts.Length == 3 && parts[2].Length > 0)
        {
            if (parts[2].Length is not (2 or 4) || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var y))
                return null;
            year = y < 100 ? 2000 + y : y;
        }
        else if (parts.Length > 3 && parts[3].Length > 0)
            return null;
        // Dots are always day.month; slashes follow the language (en: m/d, de: d/m) unless only the other reading is valid.
        var (day, month) = slash && message.Model.Dates.MonthFirst ? (b, a) : (a, b);
        if (!Valid(day, month, year))
            (day, month) = (month, day);
        if (!Valid(day, month, year))
            return null;
        message.Consumed[i] = true;
        return year is { } known ? new DateMention.Fixed(new DateOnly(known, month, day)) : new DateMention.DayMonth(day, month);
    }

    private static DateMention? Iso(MessageAnalysis message, int i, string raw)
    {
        var parts = raw.Split('-');
        if (parts.Length != 3 || parts[0].Length != 4
            || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var d)
            || !Valid(d, m, y))
            return null;
        message.Consumed[i] = true;
        return new DateMention.Fixed(new DateOnly(y, m, d));
    }

    private static bool Valid(int day, int month, int? year) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year ?? 2024, month) && year is null or (>= 1900 and <= 2200);

    private static void Consume(MessageAnalysis message, int start, int end)
    {
        for (var k = start; k < end && k < message.Consumed.Length; k++)
            message.Consumed[k] = true;
    }
}
