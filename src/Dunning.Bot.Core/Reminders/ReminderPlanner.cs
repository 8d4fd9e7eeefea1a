using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// Decides, for one debtor at an instant, what the schedule does: re-reads the debtor (<see cref="DebtorDataReader"/>),
/// asks the <see cref="LadderCalendar"/> which stage is due per dunnable invoice and combines every due invoice into ONE
/// reminder (each invoice keeps its own stage; the wording is the highest stage's). <see cref="ContactRules"/> then
/// allows it, defers it (the case's <c>NextActionAt</c> moves to the allowed instant) or suppresses it. An allowed
/// reminder is written to the <see cref="IOutbox"/> together with the advanced case in one transaction (<see cref="PlanWriter"/>).
/// Ladder stages that escalate to the owner raise a <see cref="EscalationReason.FinalStage"/> escalation (<see cref="OwnerOnlyStages"/>).
/// <para>
/// Contract: at most one proactive message per debtor is in the outbox at a time; a debtor with one waiting is looked at
/// again later. Nothing is sent here; only the outbox, the case and escalations are written. Safe to run twice for the
/// same instant: the second run finds the case advanced (or the key taken) and enqueues nothing.
/// </para>
/// </summary>
public sealed class ReminderPlanner(
    DebtorDataReader reader,
    LadderCalendar calendar,
    OwnerOnlyStages ownerOnly,
    ContactRules contact,
    EscalationDesk escalations,
    IAgreementFollowUps followUps,
    PlanWriter writer,
    IOptions<ReminderPlannerOptions> options,
    IClaimPaidPauses? claimPaid = null)
{
    private readonly ReminderPlannerOptions settings = options.Value;

    /// <summary>Bulk-loads what planning <paramref name="dueCases"/> reads, see <see cref="DebtorDataReader.PreloadAsync"/>.</summary>
    public Task PreloadAsync(IReadOnlyCollection<DunningCase> dueCases, PlanBuffer buffer, CancellationToken cancellationToken) =>
        reader.PreloadAsync(dueCases, buffer, cancellationToken);

    /// <summary>Plans the debtor's next proactive step at <paramref name="now"/> (see the class contract) and writes it.</summary>
    public Task<PlanResult> PlanAsync(string debtorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        PlanAsync(debtorId, now, null, cancellationToken);

    /// <summary>
    /// As <see cref="PlanAsync(string, DateTimeOffset, CancellationToken)"/>, but the case and outbox writes go to
    /// <paramref name="buffer"/> (when given) for the caller to commit; the result then assumes they will land.
    /// </summary>
    public async Task<PlanResult> PlanAsync(string debtorId, DateTimeOffset now, PlanBuffer? buffer, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(debtorId);
        try
        {
            return await PlanCoreAsync(debtorId, now, buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // A payment, a dialog or another host changed the case; it stays due and the next sweep sees fresh data.
            return new PlanResult(debtorId, PlanOutcome.Conflict, "conflict");
        }
    }

    private async Task<PlanResult> PlanCoreAsync(string debtorId, DateTimeOffset now, PlanBuffer? buffer, CancellationToken cancellationToken)
    {
        var data = await reader.LoadAsync(debtorId, buffer, cancellationToken).ConfigureAwait(false);
        var dunningCase = data.Case ?? new DunningCase { DebtorId = debtorId };
        if (data.Debtor is not { } debtor)
        {
            dunningCase.NextActionAt = null;
            await writer.WriteAsync(buffer, dunningCase, null, [], cancellationToken).ConfigureAwait(false);
            return new PlanResult(debtorId, PlanOutcome.NothingDue, "no_debtor");
        }
        var all = data.Invoices;
        var today = contact.LocalDate(debtor, now);

        (var escalated, dunningCase) = await ownerOnly.EscalateAsync(debtor, dunningCase, all, now, today, cancellationToken).ConfigureAwait(false);

        // "Already paid" pauses that were settled or ran out are ended first, with writes of their own (a thanks in the
        // outbox, staff asked, the case due again); the rest is planned by the next sweep on fresh data.
        if (claimPaid is not null && await claimPaid.SettleAsync(debtor, all, now, cancellationToken).ConfigureAwait(false))
            return new PlanResult(debtorId, PlanOutcome.Waiting, "claim_paid_pause_ended") { Escalated = escalated };

        if (data.Entries.Any(e => e.IsOpen))
        {
            dunningCase.NextActionAt = now.AddMinutes(settings.InFlightRecheckMinutes);
            await writer.WriteAsync(buffer, dunningCase, null, [], cancellationToken).ConfigureAwait(false);
            return new PlanResult(debtorId, PlanOutcome.Waiting, "in_flight") { Escalated = escalated, NextActionAt = dunningCase.NextActionAt };
        }

        var links = data.Links;
        var target = ConversationChoice.Choose(debtor, links, settings.EmailFallback ? now : null);
        var situation = new PlanSituation(debtor, dunningCase, all, now, today, target, links.Any(l => l.Handoff != HandoffState.Bot),
            target?.Language ?? debtor.Language, escalated, buffer);

        // Most debtors have no running agreement: then there is nothing to follow up and nothing to ask.
        var followUp = data.Agreements.Count == 0 ? FollowUpPlan.None
            : await followUps.PlanAsync(new FollowUpRequest(debtor, situation.Language, today, data.Agreements, all), cancellationToken).ConfigureAwait(false);
        return await FollowUpAsync(situation, followUp, data.Entries, cancellationToken).ConfigureAwait(false)
            ?? await RemindAsync(situation, followUp.NextCheck, cancellationToken).ConfigureAwait(false);
    }

    private ContactDecision Decide(PlanSituation s, IReadOnlyList<Invoice> about) => contact.Evaluate(new ContactRequest
    {
        Debtor = s.Debtor,
        Channel = s.Target?.Channel ?? "",
        Now = s.Now,
        RecentProactive = ProactiveHistory.SentSince(s.Case, s.Now.AddDays(-7)),
        StaffOwnsConversation = s.StaffOwns,
        Invoices = about,
    });

    private async Task<PlanResult> NotSentAsync(PlanSituation s, ContactDecision decision, string? stageKey, IReadOnlyList<string> numbers,
        DateOnly? followUpCheck, CancellationToken cancellationToken)
    {
        var result = new PlanResult(s.Debtor.Id, decision.Kind == ContactDecisionKind.Deferred ? PlanOutcome.Deferred : PlanOutcome.Suppressed, decision.Reason)
        {
            StageKey = stageKey, InvoiceNumbers = numbers, At = decision.Until, Escalated = s.Escalated,
        };
        if (decision.Kind == ContactDecisionKind.Deferred)
        {
            s.Case.NextActionAt = decision.Until;
        }
        else
        {
            if (RecordSuppression(s.Case, decision.Reason, numbers, s.Now) && decision.Reason is "no_address" or "address_dead")
            {
                // Never skipped silently: the owner hears once per stretch that no channel can reach this debtor (after the
                // case write: raising an escalation writes the case too).
                s.AfterWriteDo(c => escalations.RaiseAsync(s.Debtor.Id, EscalationReason.DeadChannel,
                    $"Unreachable: no chat or e-mail address can take reminders ({decision.Reason})", numbers, null, c));
            }
            var recheck = s.Now.AddHours(settings.SuppressedRecheckHours);
            s.Case.NextActionAt = calendar.NextAction(s.Debtor, s.Case, s.Invoices, s.Now, null, followUpCheck) is { } next && next > recheck ? next : recheck;
        }
        await WriteAsync(s, null, cancellationToken).ConfigureAwait(false);
        return result with { NextActionAt = s.Case.NextActionAt };
    }

    /// <summary>Records a suppression in the history once per reason in a row, so a long opt-out does not fill the file.</summary>
    private static bool RecordSuppression(DunningCase dunningCase, string reason, IReadOnlyList<string> numbers, DateTimeOffset now)
    {
        var last = dunningCase.History.LastOrDefault(a => a.Kind is CaseActionKinds.Suppressed or CaseActionKinds.Reminder);
        if (last is { Kind: CaseActionKinds.Suppressed } && last.Summary == reason)
            return false;
        dunningCase.Record(new CaseAction(now, CaseActionKinds.Suppressed, reason, InvoiceNumbers: numbers, Actor: "schedule"));
        return true;
    }

    private async Task<PlanResult> EnqueueAsync(PlanSituation s, OutboxEntry entry, string stageKey, CancellationToken cancellationToken)
    {
        var written = await WriteAsync(s, entry, cancellationToken).ConfigureAwait(false);
        return written
            ? new PlanResult(s.Debtor.Id, PlanOutcome.Enqueued, ContactDecision.Ok)
            {
                StageKey = stageKey, InvoiceNumbers = entry.InvoiceNumbers, Entry = entry, Escalated = s.Escalated, NextActionAt = s.Case.NextActionAt,
            }
            : new PlanResult(s.Debtor.Id, PlanOutcome.Conflict, "duplicate") { StageKey = stageKey, InvoiceNumbers = entry.InvoiceNumbers };
    }

    private async Task<PlanResult> RemindAsync(PlanSituation s, DateOnly? followUpCheck, CancellationToken cancellationToken)
    {
        var held = new List<string>();
        var due = calendar.Due(s.Debtor, s.Case, s.Invoices, s.Now, s.Today, null, held).Where(d => d.Due.Stage.NotifyDebtor)
            .OrderBy(d => d.Invoice.Number, StringComparer.Ordinal).ToList();
        if (due.Count == 0 && held.Count > 0)
            return await AwaitDeliveryAsync(s, held, followUpCheck, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            s.Case.NextActionAt = calendar.NextAction(s.Debtor, s.Case, s.Invoices, s.Now, null, followUpCheck);
            await WriteAsync(s, null, cancellationToken).ConfigureAwait(false);
            return new PlanResult(s.Debtor.Id, PlanOutcome.NothingDue, "nothing_due") { Escalated = s.Escalated, NextActionAt = s.Case.NextActionAt };
        }

        var top = due.MaxBy(d => d.Due.Stage.Number)!.Due.Stage;
        var numbers = due.Select(d => d.Invoice.Number).ToList();
        var decision = Decide(s, [.. due.Select(d => d.Invoice)]);
        if (!decision.IsAllowed)
            return await NotSentAsync(s, decision, top.Key, numbers, followUpCheck, cancellationToken).ConfigureAwait(false);

        var deadline = due.Max(d => d.Due.Deadline);
        var items = due.Select(d => new OutboxItem(d.Invoice.Number, d.Due.Stage.Number, s.Case.StageOf(d.Invoice.Number), deadline)).ToList();
        foreach (var item in items)
            s.Case.Advance(item.InvoiceNumber, item.Stage);
        s.Case.NextActionAt = calendar.NextAction(s.Debtor, s.Case, s.Invoices, s.Now,
            items.ToDictionary(i => i.InvoiceNumber, _ => s.Today, StringComparer.Ordinal), followUpCheck);
        // No text yet: the dispatcher renders reminders from the items (fresh amounts at send time), see ReminderComposer.
        var entry = s.Entry(OutboxEntry.ReminderKey(s.Debtor.Id, items), OutboxKinds.Reminder, ReminderComposer.MessageKey(top.Key), "", items);
        // A stage that also escalates tells the owner once the reminder landed: raising records on the case, and inside a
        // sweep's page that would move the case's version on under the pending write (refused as a conflict).
        var escalating = due.Where(d => d.Due.Stage.EscalateToOwner).Select(d => d.Invoice.Number).ToList();
        if (escalating.Count > 0)
            s.AfterWriteDo(c => escalations.RaiseAsync(s.Debtor.Id, EscalationReason.FinalStage, $"Ladder stage {top.Key} reached", escalating, s.Target?.Key, c));
        var result = await EnqueueAsync(s, entry, top.Key, cancellationToken).ConfigureAwait(false);
        return result.Outcome == PlanOutcome.Enqueued && escalating.Count > 0 ? result with { Escalated = [.. s.Escalated, top.Key] } : result;
    }

    /// <summary>
    /// A stage is due that may only follow a delivered reminder, and the last one has not arrived yet: nothing is sent, the
    /// case says so once, and it is looked at again after <see cref="ReminderPlannerOptions.SuppressedRecheckHours"/> (a
    /// delivery or the e-mail fallback puts it up for planning at once).
    /// </summary>
    private async Task<PlanResult> AwaitDeliveryAsync(PlanSituation s, IReadOnlyList<string> held, DateOnly? followUpCheck, CancellationToken cancellationToken)
    {
        const string reason = "awaiting_delivery";
        RecordSuppression(s.Case, reason, held, s.Now);
        var recheck = s.Now.AddHours(settings.SuppressedRecheckHours);
        s.Case.NextActionAt = followUpCheck is { } check && contact.NextAllowedInstant(s.Debtor, check) is { } at && at < recheck ? at : recheck;
        await WriteAsync(s, null, cancellationToken).ConfigureAwait(false);
        return new PlanResult(s.Debtor.Id, PlanOutcome.Waiting, reason) { InvoiceNumbers = held, Escalated = s.Escalated, NextActionAt = s.Case.NextActionAt };
    }

    /// <summary>
    /// Agreement follow-ups come before reminders, message first and state second (see <see cref="IAgreementFollowUps"/>):
    /// an outcome whose key is already in the debtor's outbox was sent before a crash or a lost apply, so it is applied
    /// with this write; the first other one is sent if the contact rules allow — its history line and message written with
    /// the case, its state applied once that write landed. Deferred: the agreement waits unchanged (the owner still hears
    /// of a second break at once) and the message is planned again at the allowed instant. Suppressed (staff own the chat,
    /// no usable address): not sent, and the outcome applied anyway, because a chat that cannot take the message must not
    /// hold back resuming the invoices or the escalation. Null when no follow-up message is to go out now.
    /// </summary>
    private async Task<PlanResult?> FollowUpAsync(PlanSituation s, FollowUpPlan plan, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
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
        var entry = s.Entry(owed.Key, OutboxKinds.FollowUp, owed.MessageKey, owed.Text, []);
        // Look again soon: more follow-ups or reminders may be waiting behind this one (the contact rules space them).
        s.Case.NextActionAt = s.Now.AddMinutes(settings.InFlightRecheckMinutes);
        var result = await EnqueueAsync(s, entry, owed.StageKey, cancellationToken).ConfigureAwait(false);
        return result.Outcome == PlanOutcome.Enqueued ? result with { InvoiceNumbers = owed.InvoiceNumbers, Escalated = escalated } : result;
    }

    /// <summary>True when the case already records the escalation of this follow-up's agreement (raised on an earlier attempt).</summary>
    private static bool EscalationRecorded(PlanSituation s, FollowUpDue due) =>
        s.Case.History.Any(a => a.Kind == CaseActionKinds.Escalation && a.Summary.Contains(due.Agreement.Id, StringComparison.Ordinal));

    /// <summary>Applies the outcome once this planning step's write has landed, and looks at the case again soon after.</summary>
    private void Settle(PlanSituation s, FollowUpDue due)
    {
        s.AfterWriteDo(c => followUps.ApplyAsync(due, c));
        s.RecheckSoon = true;
    }

    private Task<bool> WriteAsync(PlanSituation s, OutboxEntry? entry, CancellationToken cancellationToken)
    {
        if (s.RecheckSoon && s.Now.AddMinutes(settings.InFlightRecheckMinutes) is var soon && (s.Case.NextActionAt is null || s.Case.NextActionAt > soon))
            s.Case.NextActionAt = soon;
        return writer.WriteAsync(s.Buffer, s.Case, entry, s.AfterWrite, cancellationToken);
    }
}
