namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// What the planner did for one debtor: the outcome, the ContactRules reason code (or <c>nothing_due</c>, <c>in_flight</c>,
/// <c>duplicate</c>), the stage key and invoices concerned, the instant a deferred message moves to (<see cref="At"/>, in
/// the debtor's offset), the entry written, the stages escalated to the owner, and the case's new <see cref="NextActionAt"/>.
/// </summary>
public sealed record PlanResult(string DebtorId, PlanOutcome Outcome, string Reason)
{
    public string? StageKey { get; init; }

    public IReadOnlyList<string> InvoiceNumbers { get; init; } = [];

    public DateTimeOffset? At { get; init; }

    public OutboxEntry? Entry { get; init; }

    public IReadOnlyList<string> Escalated { get; init; } = [];

    public DateTimeOffset? NextActionAt { get; init; }
}
