namespace Dunning.Bot.Core.Policies;

/// <summary>
/// The dunning ladder: any number of stages, each sent no earlier than its offset after the due date.
/// Bound from <see cref="SectionName"/>. An empty <see cref="Stages"/> list means the built-in German default
/// (<see cref="DefaultStages"/>); configuring stages replaces the default ladder as a whole.
/// </summary>
public sealed class DunningLadderOptions
{
    public const string SectionName = "Dunning:Ladder";

    /// <summary>The stages in order; empty = <see cref="DefaultStages"/>.</summary>
    public List<DunningStageOptions> Stages { get; set; } = [];

    /// <summary>
    /// Minimum days between two stages of the same invoice (default 7). After downtime the next stage is sent, and the
    /// one after it waits for its own offset and for this gap, so missed stages are never sent in a burst.
    /// </summary>
    public int MinGapDays { get; set; } = 7;

    /// <summary>
    /// When true (default), a stage is not sent before the deadline stated in the previous stage's message has passed:
    /// the bot never contradicts its own "please pay by …".
    /// </summary>
    public bool WaitForPreviousDeadline { get; set; } = true;

    /// <summary>
    /// Currency of the stage fees (default EUR). Fees are charged only on invoices in this currency; Core converts nothing.
    /// </summary>
    public string FeeCurrency { get; set; } = "EUR";

    /// <summary>
    /// Friendly reminder at due + 3 days, 1st payment request + 14, 2nd + 28, final notice + 42, owner escalation for the
    /// legal step + 56; businesses owe the €40 lump sum of §288(5) BGB once per invoice from the 1st payment request on;
    /// the discount may be offered at the 2nd payment request and the final notice.
    /// </summary>
    public static List<DunningStageOptions> DefaultStages() =>
    [
        new() { Key = "reminder.friendly", OffsetDays = 3 },
        new() { Key = "request.first", OffsetDays = 14, BusinessFee = 40m, FeeOncePerInvoice = true, StartsDefault = true },
        new() { Key = "request.second", OffsetDays = 28, BusinessFee = 40m, FeeOncePerInvoice = true, DiscountOfferAllowed = true },
        new() { Key = "notice.final", OffsetDays = 42, BusinessFee = 40m, FeeOncePerInvoice = true, DiscountOfferAllowed = true },
        new() { Key = "escalation.legal", OffsetDays = 56, NewDeadlineDays = 0, EscalateToOwner = true, NotifyDebtor = false },
    ];

    /// <summary>Every problem with these options, one sentence each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var stages = Stages.Count > 0 ? Stages : DefaultStages();
        if (MinGapDays < 0)
            problems.Add($"{SectionName}:MinGapDays must be 0 or more (is {MinGapDays}).");
        if (!Domain.Currency.IsKnown(FeeCurrency?.ToUpperInvariant()))
            problems.Add($"{SectionName}:FeeCurrency '{FeeCurrency}' is not an ISO 4217 code.");
        for (var i = 0; i < stages.Count; i++)
        {
            var s = stages[i];
            var name = $"{SectionName}:Stages:{i}";
            if (string.IsNullOrWhiteSpace(s.Key))
                problems.Add($"{name}:Key is missing.");
            else if (stages.Take(i).Any(o => o.Key == s.Key))
                problems.Add($"{name}:Key '{s.Key}' is used twice.");
            if (s.OffsetDays < 0 || (i > 0 && s.OffsetDays <= stages[i - 1].OffsetDays))
                problems.Add($"{name}:OffsetDays must be 0 or more and greater than the previous stage's (is {s.OffsetDays}).");
            if (s.NewDeadlineDays < 0)
                problems.Add($"{name}:NewDeadlineDays must be 0 or more (is {s.NewDeadlineDays}).");
            if (s.ConsumerFee < 0m || s.BusinessFee < 0m)
                problems.Add($"{name}: fees must not be negative.");
        }
        return problems;
    }
}
