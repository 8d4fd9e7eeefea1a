using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// The planner's agreement follow-ups (issue 7, item 7): promised dates and instalment due dates checked the day after —
/// a thank-you for a kept agreement, a follow-up for a first break, an escalation for a second one. The implementation
/// owns the agreement states and the wording; the planner owns the order "message first, state second":
/// <list type="number">
/// <item><see cref="PlanAsync"/> is free of writes and names each outcome by a deterministic <see cref="FollowUpDue.Key"/>.</item>
/// <item>The planner writes the message to the outbox with the case (one transaction), under the contact rules.</item>
/// <item>Only once that write has landed does it call <see cref="ApplyAsync"/>. An outcome whose key is already in the
/// debtor's outbox counts as sent and is applied then (a crash in between is repaired by the next planning).</item>
/// </list>
/// A message the contact rules defer waits with the agreement unchanged (<see cref="HoldAsync"/> does what may not wait);
/// one they suppress is not sent and the outcome is applied anyway.
/// </summary>
public interface IAgreementFollowUps
{
    /// <summary>The running agreements (state Active) of <paramref name="debtorIds"/>: one read for a whole sweep page.</summary>
    Task<IReadOnlyList<PaymentAgreement>> ListRunningAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken);

    /// <summary>
    /// The outcomes due on the debtor's <see cref="FollowUpRequest.Today"/> (each with its rendered message) and the next
    /// day worth checking. Writes nothing.
    /// </summary>
    Task<FollowUpPlan> PlanAsync(FollowUpRequest request, CancellationToken cancellationToken);

    /// <summary>Stores the outcome (agreement state, resumed invoices, escalation); idempotent. Call only after the message landed or was suppressed.</summary>
    Task ApplyAsync(FollowUpDue due, CancellationToken cancellationToken);

    /// <summary>While the message waits for the contact rules: what may not wait (the owner hears of a second break at once); idempotent.</summary>
    Task HoldAsync(FollowUpDue due, CancellationToken cancellationToken);
}
