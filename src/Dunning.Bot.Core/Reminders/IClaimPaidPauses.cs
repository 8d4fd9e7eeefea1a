using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// Ends "already paid" pauses (see <see cref="Dialogs.ClaimPaidDialog"/>) when the schedule looks at a debtor: a claim that
/// was settled meanwhile ends its pause as paid (the debtor is thanked once, the escalation resolved); a pause that ran out
/// without the payment asks staff to check. Implemented by the host (it knows the outbox, the audit log and the proofs).
/// </summary>
public interface IClaimPaidPauses
{
    /// <summary>
    /// Handles the debtor's claim-paid pauses that are settled or have run out at <paramref name="now"/>, with writes of its
    /// own (safe to repeat: a retry thanks nobody twice); true when it changed anything, so the planner reads the case again.
    /// </summary>
    Task<bool> SettleAsync(Debtor debtor, IReadOnlyList<Invoice> invoices, DateTimeOffset now, CancellationToken cancellationToken);
}
