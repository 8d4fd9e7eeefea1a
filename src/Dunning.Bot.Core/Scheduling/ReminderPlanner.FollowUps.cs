using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Scheduling;

public sealed partial class ReminderPlanner
{
    /// <summary>
    /// Agreement follow-ups come before reminders, message first and state second (see <see cref="IAgreementFollowUps"/>):
    /// an outcome whose key is already in the debtor's outbox was sent before a crash or a lost apply, so it is applied
    /// with this write; the first other one is sent if the contact rules allow — its history line and message written with
    /// the case, its state applied once that write landed. Deferred: the agreement waits unchanged (the owner still hears
    /// of a second break at once) and the message is planned again at the allowed instant. Suppressed (staff own the chat,
    /// no usable address): not sent, and the outcome applied anyway, because a chat that cannot take the message must not
    /// hold back resuming the invoices or the escalation. Null when no follow-up message is to go out now.
    /// </summary>
    private async Task<PlanResult?> FollowUpAsync(Situation s, FollowUpPlan plan, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        FollowUpDue? owed = null;
        foreach (var due in plan.Due)
        {
            if (entries.Any(e => string.Equals(e.Key, due.Key, StringComparison.Ordinal)))
                Settle(s, due);
            else
                owed ??= due;
        }
        if (owed is null)
            return null;

        var decision = Decide(s, []);
        // Reported once: when the message waited (quiet hours) the owner already heard of it on the first attempt.
        var escalated = owed.Escalates && !EscalationRecorded(s, owed) ? [.. s.Escalated, owed.StageKey] : s.Escalated;
        if (decision.Kind == ContactDecisionKind.Deferred)
        {
            s.AfterWriteDo(c => followUps.HoldAsync(owed, c));
            var deferred = await NotSentAsync(s, decision, owed.StageKey, owed.InvoiceNumbers, plan.NextCheck, cancellationToken).ConfigureAwait(false);
            return deferred with { Escalated = escalated };
        }

        s.Case.Record(new CaseAction(s.Now, owed.Outcome.Action == FollowUpAction.Kept ? CaseActionKinds.Agreement : CaseActionKinds.Promise,
            owed.Outcome.Summary, InvoiceNumbers: owed.InvoiceNumbers, Actor: AgreementDesk.Bot));
        Settle(s, owed);
        if (!decision.IsAllowed)
        {
            var suppressed = await NotSentAsync(s, decision, owed.StageKey, owed.InvoiceNumbers, plan.NextCheck, cancellationToken).ConfigureAwait(false);
            return suppressed with { Escalated = escalated };
        }
        var entry = NewEntry(s, owed.Key, OutboxKinds.FollowUp, owed.MessageKey, owed.Text, []);
        // Look again soon: more follow-ups or reminders may be waiting behind this one (the contact rules space them).
        s.Case.NextActionAt = s.Now.AddMinutes(settings.InFlightRecheckMinutes);
        var result = await EnqueueAsync(s, entry, owed.StageKey, cancellationToken).ConfigureAwait(false);
        return result.Outcome == PlanOutcome.Enqueued ? result with { InvoiceNumbers = owed.InvoiceNumbers, Escalated = escalated } : result;
    }

    /// <summary>True when the case already records the escalation of this follow-up's agreement (raised on an earlier attempt).</summary>
    private static bool EscalationRecorded(Situation s, FollowUpDue due) =>
        s.Case.History.Any(a => a.Kind == CaseActionKinds.Escalation && a.Summary.Contains(due.Agreement.Id, StringComparison.Ordinal));

    /// <summary>Applies the outcome once this planning step's write has landed, and looks at the case again soon after.</summary>
    private void Settle(Situation s, FollowUpDue due)
    {
        s.AfterWriteDo(c => followUps.ApplyAsync(due, c));
        s.RecheckSoon = true;
    }

    private Task<bool> WriteAsync(Situation s, OutboxEntry? entry, CancellationToken cancellationToken)
    {
        if (s.RecheckSoon && s.Now.AddMinutes(settings.InFlightRecheckMinutes) is var soon && (s.Case.NextActionAt is null || s.Case.NextActionAt > soon))
            s.Case.NextActionAt = soon;
        return WriteAsync(s.Buffer, s.Case, entry, s.AfterWrite, cancellationToken);
    }
}
