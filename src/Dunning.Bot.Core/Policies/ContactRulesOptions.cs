namespace Dunning.Bot.Core.Policies;

/// <summary>
/// When the bot may send a proactive message. Times are wall-clock times in the debtor's IANA time zone.
/// Bound from <see cref="SectionName"/>.
/// </summary>
public sealed class ContactRulesOptions
{
    public const string SectionName = "Dunning:Contact";

    /// <summary>Start of the allowed window, local time, included (default 08:00).</summary>
    public TimeOnly WindowStart { get; set; } = new(8, 0);

    /// <summary>End of the allowed window, local time, excluded (default 20:00).</summary>
    public TimeOnly WindowEnd { get; set; } = new(20, 0);

    /// <summary>No proactive messages on Sundays (default true).</summary>
    public bool NoSundays { get; set; } = true;

    /// <summary>No proactive messages on Saturdays (default false).</summary>
    public bool NoSaturdays { get; set; }

    /// <summary>No proactive messages on public holidays of the debtor's country and state (default true).</summary>
    public bool NoPublicHolidays { get; set; } = true;

    /// <summary>At most this many proactive messages per debtor in any rolling 7 days (default 3).</summary>
    public int MaxProactivePer7Days { get; set; } = 3;

    /// <summary>At least this many hours between two proactive messages to the same debtor (default 48).</summary>
    public int MinGapHours { get; set; } = 48;

    /// <summary>How far ahead the next allowed instant is searched before giving up with "no_window" (default 60 days).</summary>
    public int SearchHorizonDays { get; set; } = 60;

    /// <summary>Every problem with these options, one sentence each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (WindowEnd <= WindowStart)
            problems.Add($"{SectionName}: WindowEnd ({WindowEnd:HH\\:mm}) must be after WindowStart ({WindowStart:HH\\:mm}).");
        if (MaxProactivePer7Days < 1)
            problems.Add($"{SectionName}:MaxProactivePer7Days must be at least 1 (is {MaxProactivePer7Days}).");
        if (MinGapHours is < 0 or > 24 * 7)
            problems.Add($"{SectionName}:MinGapHours must be between 0 and 168 (is {MinGapHours}).");
        if (SearchHorizonDays is < 7 or > 366)
            problems.Add($"{SectionName}:SearchHorizonDays must be between 7 and 366 (is {SearchHorizonDays}).");
        if (NoSaturdays && NoSundays && WindowEnd <= WindowStart)
            problems.Add($"{SectionName}: no day would allow contact.");
        return problems;
    }
}
