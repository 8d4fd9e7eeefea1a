using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Cases;

/// <summary>
/// Priority and response-time target per escalation reason (section <c>Escalation</c>), and the owner's business hours
/// the targets count in: an answer promised to a debtor always falls on an open hour of a working day of the owner.
/// </summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>The owner's IANA time zone; business hours are read in it (default Europe/Berlin).</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    /// <summary>The owner's country (ISO 3166-1 alpha-2) for public holidays, on which the business is closed (default DE).</summary>
    public string Country { get; set; } = "DE";

    /// <summary>The owner's state or region for regional holidays, e.g. <c>BY</c> (default none: nationwide holidays only).</summary>
    public string? State { get; set; }

    /// <summary>Opening hours per weekday; a target of N hours means N open hours.</summary>
    public BusinessHoursOptions BusinessHours { get; set; } = new();

    /// <summary>
    /// A promised answer time is rounded up to a multiple of this many minutes on the owner's clock (default 60: "by 4 pm",
    /// not "by 3:37 pm"), but never past the closing time of its range. 1 = no rounding.
    /// </summary>
    public int RoundUpToMinutes { get; set; } = 60;

    /// <summary>Per reason; reasons not listed use <see cref="Default"/>.</summary>
    public Dictionary<EscalationReason, EscalationRule> Rules { get; init; } = new()
    {
        [EscalationReason.Hardship] = new() { Priority = EscalationPriority.High, RespondWithinHours = 4 },
        [EscalationReason.Dispute] = new() { Priority = EscalationPriority.High, RespondWithinHours = 8 },
        [EscalationReason.RequestHuman] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 8 },
        [EscalationReason.ApprovalRequired] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 8 },
        [EscalationReason.BeyondLimits] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 8 },
        [EscalationReason.CounterOfferRefused] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 8 },
        [EscalationReason.ClaimedPaid] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 16 },
        [EscalationReason.BrokenPromise] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 16 },
        [EscalationReason.FinalStage] = new() { Priority = EscalationPriority.High, RespondWithinHours = 24 },
        [EscalationReason.DeadChannel] = new() { Priority = EscalationPriority.Low, RespondWithinHours = 24 },
        [EscalationReason.OptOut] = new() { Priority = EscalationPriority.Low, RespondWithinHours = 24 },
        [EscalationReason.NotUnderstood] = new() { Priority = EscalationPriority.Normal, RespondWithinHours = 8 },
        [EscalationReason.NewBinding] = new() { Priority = EscalationPriority.Low, RespondWithinHours = 24 },
    };

    public EscalationRule Default { get; init; } = new();

    public EscalationRule For(EscalationReason reason) => Rules.GetValueOrDefault(reason) ?? Default;

    /// <summary>Every problem with these options, one sentence each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
            problems.Add($"{SectionName}:TimeZone '{TimeZone}' is not a known IANA time zone (e.g. Europe/Berlin).");
        if (Country is not { Length: 2 } || !Country.All(char.IsAsciiLetter))
            problems.Add($"{SectionName}:Country '{Country}' must be a two-letter ISO code such as DE.");
        var open = false;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var ranges = BusinessHours.Ranges(day);
            if (ranges is null)
                problems.Add($"{SectionName}:BusinessHours:{day} '{BusinessHours.For(day)}' must be empty (closed) or ranges like 09:00-17:00 or 08:00-12:00,13:00-17:00.");
            open |= ranges is { Count: > 0 };
        }
        if (!open)
            problems.Add($"{SectionName}:BusinessHours must open on at least one weekday.");
        if (RoundUpToMinutes is < 1 or > 240)
            problems.Add($"{SectionName}:RoundUpToMinutes must be between 1 and 240 (is {RoundUpToMinutes}).");
        foreach (var (reason, rule) in Rules.Append(new(default, Default)))
        {
            if (rule.RespondWithinHours is < 0 or > 2000)
                problems.Add($"{SectionName}:Rules:{reason}:RespondWithinHours must be between 0 and 2000 business hours (is {rule.RespondWithinHours}).");
        }
        return problems;
    }
}

public sealed class EscalationRule
{
    public EscalationPriority Priority { get; init; } = EscalationPriority.Normal;

    /// <summary>The answer the debtor is promised within this many business hours (see <see cref="EscalationOptions.BusinessHours"/>).</summary>
    public int RespondWithinHours { get; init; } = 8;
}
