using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Reminders;

/// <summary>The outcomes due now, oldest agreement first, and the next day worth checking (null: none).</summary>
public sealed record FollowUpPlan(IReadOnlyList<FollowUpDue> Due, DateOnly? NextCheck)
{
    public static readonly FollowUpPlan None = new([], null);
}

/// <summary>
/// One outcome to tell the debtor about. <see cref="Key"/> is the outbox idempotency key, one per agreement and outcome
/// (<c>follow_up:A-7:kept</c>, <c>follow_up:A-7:break1</c>); <see cref="MessageKey"/> the wording key in
/// <c>dialogs/follow_up.*.yaml</c>, <see cref="Text"/> the rendered message.
/// </summary>
public sealed record FollowUpDue(PaymentAgreement Agreement, FollowUpOutcome Outcome, string Key, string MessageKey, string Text)
{
    /// <summary>How the schedule and the simulation name it: <c>follow_up.kept</c>, <c>follow_up.missed</c>, …</summary>
    public string StageKey => $"{OutboxKinds.FollowUp}.{MessageKey}";

    public IReadOnlyList<string> InvoiceNumbers => Agreement.InvoiceNumbers;

    public bool Escalates => Outcome.Action == FollowUpAction.Escalated;
}
