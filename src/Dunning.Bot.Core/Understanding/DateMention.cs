namespace Dunning.Bot.Core.Understanding;

/// <summary>The grammatical time of a message: whether a date without a year or a bare weekday lies ahead or behind.</summary>
internal enum Tense
{
    Neutral,
    Past,
    Future,
}

/// <summary>
/// A date as written, resolved only once the tense is known: "am Freitag" is next Friday in
/// a promise and last Friday in "am Freitag überwiesen".
/// </summary>
internal abstract record DateMention
{
    public abstract DateOnly Resolve(DateOnly today, Tense tense);

    /// <summary>A fully known date ("5.12.2026", "morgen", "in zwei Wochen").</summary>
    public sealed record Fixed(DateOnly Date) : DateMention
    {
        public override DateOnly Resolve(DateOnly today, Tense tense) => Date;
    }

    /// <summary>Day and month without a year: the nearest such date on the side of today the tense points to.</summary>
    public sealed record DayMonth(int Day, int Month) : DateMention
    {
        public override DateOnly Resolve(DateOnly today, Tense tense)
        {
            var thisYear = Make(today.Year);
            var ahead = thisYear >= today ? thisYear : Make(today.Year + 1);
            var behind = thisYear <= today ? thisYear : Make(today.Year - 1);
            return tense switch
            {
                Tense.Past => behind,
                Tense.Future => ahead,
                _ => ahead.DayNumber - today.DayNumber <= today.DayNumber - behind.DayNumber ? ahead : behind,
            };
        }

        private DateOnly Make(int year) => new(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));
    }

    /// <summary>A weekday: the next one after today, or the last one before today in the past tense.</summary>
    public sealed record Weekday(DayOfWeek Day, bool ForcePast) : DateMention
    {
        public override DateOnly Resolve(DateOnly today, Tense tense)
        {
            if (ForcePast || tense == Tense.Past)
            {
                var back = ((int)today.DayOfWeek - (int)Day + 7) % 7;
                return today.AddDays(-(back == 0 ? 7 : back));
            }
            var ahead = ((int)Day - (int)today.DayOfWeek + 7) % 7;
            return today.AddDays(ahead == 0 ? 7 : ahead);
        }
    }

    /// <summary>A day of the month alone ("am 1.", "on the 15th"): the next such day, or the last one in the past tense.</summary>
    public sealed record DayOfMonth(int Day) : DateMention
    {
        public override DateOnly Resolve(DateOnly today, Tense tense)
        {
            var thisMonth = Make(today.Year, today.Month);
            var ahead = thisMonth >= today ? thisMonth : Make(today.AddMonths(1).Year, today.AddMonths(1).Month);
            var behind = thisMonth <= today ? thisMonth : Make(today.AddMonths(-1).Year, today.AddMonths(-1).Month);
            return tense switch
            {
                Tense.Past => behind,
                _ => ahead,
            };
        }

        private DateOnly Make(int year, int month) => new(year, month, Math.Min(Day, DateTime.DaysInMonth(year, month)));
    }
}
