using System.Globalization;

namespace Dunning.Bot.Core.Understanding;

internal static partial class DateExtractor
{
    /// <summary>"20. Dezember", "20 November 2026", "January 15th", "15th of January", "Mitte Dezember", "end of January".</summary>
    private static DateMention? Named(MessageAnalysis message, int i)
    {
        var dates = message.Model.Dates;
        var words = message.Words;
        if (dates.Parts.TryGetValue(words[i], out var part))
        {
            // "Mitte Dezember", "Ende des Monats" is a relative phrase; here: part [of|des] month.
            for (var k = i + 1; k <= i + 2 && k < words.Count; k++)
            {
                if (!dates.Months.TryGetValue(words[k], out var partMonth))
                    continue;
                var year = YearAt(message, k + 1);
                var day = part switch { "start" => 1, "middle" => 15, _ => 31 };
                Consume(message, i, k + 1 + (year is null ? 0 : 1));
                return Make(day, partMonth, year);
            }
            return null;
        }
        if (DayAt(message, i) is { } dayFirst)
        {
            var k = i + 1;
            if (k < words.Count && message.Model.Stopwords.Contains(words[k]) && !dates.Months.ContainsKey(words[k]))
                k++; // "15th of January"
            if (k < words.Count && dates.Months.TryGetValue(words[k], out var month))
            {
                var year = YearAt(message, k + 1);
                Consume(message, i, k + 1 + (year is null ? 0 : 1));
                return Make(dayFirst, month, year);
            }
            return null;
        }
        if (dates.Months.TryGetValue(words[i], out var monthFirst) && i + 1 < words.Count && DayAt(message, i + 1) is { } day2)
        {
            var year = YearAt(message, i + 2);
            Consume(message, i, i + 2 + (year is null ? 0 : 1));
            return Make(day2, monthFirst, year);
        }
        return null;
    }

    private static DateMention? Make(int day, int month, int? year)
    {
        if (year is { } y)
            return new DateMention.Fixed(new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month))));
        return day > 31 ? null : new DateMention.DayMonth(day, month);
    }

    /// <summary>A day number: "20", "20.", "15th".</summary>
    private static int? DayAt(MessageAnalysis message, int i)
    {
        var token = message.TokenAt(i);
        var text = token.Raw;
        if (token.Kind == TokenKind.Mixed)
        {
            var suffix = message.Model.Dates.OrdinalSuffixes.FirstOrDefault(s => text.EndsWith(s, StringComparison.Ordinal));
            if (suffix is null)
                return null;
            text = text[..^suffix.Length];
        }
        else if (token.Kind != TokenKind.Number)
            return null;
        text = text.TrimEnd('.');
        return text.Length is 1 or 2 && int.TryParse(text, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31 ? day : null;
    }

    private static int? YearAt(MessageAnalysis message, int i)
    {
        if (i >= message.Words.Count || message.TokenAt(i).Kind != TokenKind.Number)
            return null;
        var raw = message.TokenAt(i).Raw;
        return raw.Length == 4 && int.TryParse(raw, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200 ? year : null;
    }

    /// <summary>"am Freitag", "next Friday", "letzten Montag".</summary>
    private static DateMention? Weekday(MessageAnalysis message, int i, DateOnly today)
    {
        var dates = message.Model.Dates;
        if (!dates.Weekdays.TryGetValue(message.Words[i], out var day))
            return null;
        message.Consumed[i] = true;
        // "Freitag nächste Woche", "Friday next week": that weekday in the week after this one.
        foreach (var match in dates.Relative.Matches(message.Words))
        {
            if (match.Pattern.Payload != "next_week" || match.Start <= i || match.Start > i + 2)
                continue;
            Consume(message, match.Start, match.End);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(7);
            return new DateMention.Fixed(monday.AddDays(((int)day + 6) % 7));
        }
        return new DateMention.Weekday(day, ForcePast: i > 0 && dates.LastWords.Contains(message.Words[i - 1]));
    }

    /// <summary>"in zwei Wochen", "10 more days", "vor 3 Tagen", "3 days ago"; "über 6 Monate" is a period, not a date.</summary>
    private static DateMention? Duration(MessageAnalysis message, int i, DateOnly today)
    {
        var dates = message.Model.Dates;
        var words = message.Words;
        if (CountAt(message, i) is not { } count || count is <= 0 or > 400)
            return null;
        // "€150 a month", "100 Euro pro Woche" name a rate, not a date.
        if (i > 0 && (message.TokenAt(i - 1).Kind is TokenKind.Currency or TokenKind.Number || message.Model.Currencies.ContainsKey(words[i - 1])))
            return null;
        var unitIndex = i + 1;
        if (unitIndex < words.Count && !dates.Units.ContainsKey(words[unitIndex]) && unitIndex + 1 < words.Count
            && message.TokenAt(unitIndex).Kind == TokenKind.Word)
            unitIndex++; // "10 more days", "zwei weitere Wochen"
        if (unitIndex >= words.Count || !dates.Units.TryGetValue(words[unitIndex], out var unit))
            return null;
        if (i > 0 && dates.PeriodPrepositions.Contains(words[i - 1]))
            return null;
        var sign = (i > 0 && dates.AgoBefore.Contains(words[i - 1])) || (unitIndex + 1 < words.Count && dates.AgoAfter.Contains(words[unitIndex + 1])) ? -1 : 1;
        Consume(message, i, unitIndex + 1);
        var n = sign * count;
        return new DateMention.Fixed(unit switch
        {
            "day" => today.AddDays(n),
            "week" => today.AddDays(7 * n),
            "month" => today.AddMonths(n),
            _ => today.AddYears(n),
        });
    }

    /// <summary>A count written as digits or words ("3", "drei", "a", "eine").</summary>
    internal static int? CountAt(MessageAnalysis message, int i)
    {
        var token = message.TokenAt(i);
        if (token.Kind == TokenKind.Number)
            return token.Raw.Length <= 4 && int.TryParse(token.Raw, CultureInfo.InvariantCulture, out var n) ? n : null;
        return token.Kind == TokenKind.Word ? message.Model.Numbers.Parse(message.Words[i]) : null;
    }
}
