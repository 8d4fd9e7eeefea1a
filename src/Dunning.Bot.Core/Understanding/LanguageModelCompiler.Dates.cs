using System.Collections.Frozen;

namespace Dunning.Bot.Core.Understanding;

internal sealed partial class LanguageModelCompiler
{
    private DateWords Dates(DatesSection dates)
    {
        if (dates.NumericOrder is not ("dmy" or "mdy"))
            errors.Add($"dates.numeric_order: must be dmy or mdy, was '{dates.NumericOrder}'");
        var relative = new PhraseIndex();
        foreach (var (phrase, anchor) in dates.Relative)
        {
            if (!Anchors.Contains(anchor))
            {
                errors.Add($"dates.relative.{phrase}: unknown anchor '{anchor}' (known: {string.Join(", ", Anchors)})");
                continue;
            }
            if (Phrase($"dates.relative.{phrase}", phrase, 1, anchor) is { } pattern)
                relative.Add(pattern);
        }
        foreach (var (word, day) in dates.Weekdays.Where(p => p.Value is < 1 or > 7))
            errors.Add($"dates.weekdays.{word}: {day} is not 1 (Monday) .. 7 (Sunday)");
        foreach (var (word, kind) in dates.Units.Where(p => !UnitKinds.Contains(p.Value)))
            errors.Add($"dates.units.{word}: '{kind}' is not day, week, month or year");
        foreach (var (word, kind) in dates.Parts.Where(p => !PartKinds.Contains(p.Value)))
            errors.Add($"dates.parts.{word}: '{kind}' is not start, middle or end");
        var holidays = Keyed("dates.holidays", dates.Holidays, (word, value) => Holiday(word, value));
        return new DateWords
        {
            MonthFirst = dates.NumericOrder == "mdy",
            Relative = relative,
            TimeOfDayBefore = Words("dates.time_of_day_before", dates.TimeOfDayBefore),
            Weekdays = Keyed("dates.weekdays", dates.Weekdays, (_, day) => (DayOfWeek)(day % 7)),
            LastWords = Words("dates.last_words", dates.LastWords),
            Months = KeyedInts("dates.months", dates.Months, 1, 12),
            Parts = Keyed("dates.parts", dates.Parts, (_, part) => part),
            Units = Keyed("dates.units", dates.Units, (_, unit) => unit),
            AgoBefore = Words("dates.ago_before", dates.AgoBefore),
            AgoAfter = Words("dates.ago_after", dates.AgoAfter),
            PeriodPrepositions = Words("dates.period_prepositions", dates.PeriodPrepositions),
            OrdinalSuffixes = dates.OrdinalSuffixes.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).ToArray(),
            DayPrepositions = Words("dates.day_prepositions", dates.DayPrepositions),
            WeekOrdinals = KeyedInts("dates.week_ordinals", dates.WeekOrdinals, 1, 5),
            Holidays = holidays,
            OpenAfter = Words("dates.open_after", dates.OpenAfter),
        };
    }

    /// <summary>A holiday's fixed day written "MM-DD" ("12-24").</summary>
    private (int Day, int Month) Holiday(string word, string value)
    {
        var parts = value.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var month)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month))
            return (day, month);
        errors.Add($"dates.holidays.{word}: '{value}' is not a day written MM-DD");
        return (1, 1);
    }
}
