using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Scheduling;

/// <summary>
/// Decides, for one debtor at an instant, what the schedule does: re-reads the debtor's invoices, drops those that are
/// not dunnable, asks <see cref="DunningLadder"/> which stage is due per invoice and combines every due invoice into ONE
/// reminder (each invoice keeps its own stage; the wording is the highest stage's). <see cref="ContactRules"/> then
/// allows it, defers it (the case's <c>NextActionAt</c> moves to the allowed instant) or suppresses it. An allowed
/// reminder is written to the <see cref="IOutbox"/> together with the advanced case in one transaction. Ladder stages
/// that escalate to the owner raise a <see cref="EscalationReason.FinalStage"/> escalation.
/// <para>
/// Contract: at most one proactive message per debtor is in the outbox at a time; a debtor with one waiting is looked at
/// again later. Nothing is sent here; only the outbox, the case and escalations are written. Safe to run twice for the
/// same instant: the second run finds the case advanced (or the key taken) and enqueues nothing.
/// </para>
/// </summary>
public sealed partial class ReminderPlanner(
    IDebtorStore debtors,
    IInvoiceStore invoices,
    ICaseStore cases,
    IConversationStore conversations,
    IOutbox outbox,
    DunningLadder ladder,
    ContactRules contact,
    EscalationDesk escalations,
    IAgreementFollowUps followUps,
    IOptions<ReminderPlannerOptions> options,
    IClaimPaidPauses? claimPaid = null)
{
    private readonly ReminderPlannerOptions settings = options.Value;

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
        var data = await LoadAsync(debtorId, buffer, cancellationToken).ConfigureAwait(false);
        var dunningCase = data.Case ?? new DunningCase { DebtorId = debtorId };
        if (data.Debtor is not { } debtor)
        {
            dunningCase.NextActionAt = null;
            await WriteAsync(buffer, dunningCase, null, [], cancellationToken).ConfigureAwait(false);
            return new PlanResult(debtorId, PlanOutcome.NothingDue, "no_debtor");
        }
        var all = data.Invoices;
        var today = contact.LocalDate(debtor, now);

        var escalated = await EscalateFinalStagesAsync(debtor, dunningCase, all, now, today, cancellationToken).ConfigureAwait(false);
        if (escalated.Count > 0)
            dunningCase = await cases.FindAsync(debtorId, cancellationToken).ConfigureAwait(false) ?? dunningCase;

        // "Already paid" pauses that were settled or ran out are ended first, with writes of their own (a thanks in the
        // outbox, staff asked); the rest is planned a little later on fresh data, one message at a time.
        if (claimPaid is not null && await claimPaid.SettleAsync(debtor, all, now, cancellationToken).ConfigureAwait(false))
        {
            var fresh = await cases.FindAsync(debtorId, cancellationToken).ConfigureAwait(false) ?? dunningCase;
            fresh.NextActionAt = now.AddMinutes(settings.InFlightRecheckMinutes);
            await WriteAsync(buffer, fresh, null, [], cancellationToken).ConfigureAwait(false);
            return new PlanResult(debtorId, PlanOutcome.Waiting, "claim_paid_pause_ended") { Escalated = escalated, NextActionAt = fresh.NextActionAt };
        }

        if (data.Entries.Any(e => e.IsOpen))
        {
            dunningCase.NextActionAt = now.AddMinutes(settings.InFlightRecheckMinutes);
            await WriteAsync(buffer, dunningCase, null, [], cancellationToken).ConfigureAwait(false);
            return new PlanResult(debtorId, PlanOutcome.Waiting, "in_flight") { Escalated = escalated, NextActionAt = dunningCase.NextActionAt };
        }

        var links = data.Links;
        var target = ChooseConversation(debtor, links, settings.EmailFallback ? now : null);
        var situation = new Situation(debtor, dunningCase, all, now, today, target, links.Any(l => l.Handoff != HandoffState.Bot),
            target?.Language ?? debtor.Language, escalated, buffer);

        // Most debtors have no running agreement: then there is nothing to follow up and nothing to ask.
        var followUp = data.Agreements.Count == 0 ? FollowUpPlan.None
            : await followUps.PlanAsync(new FollowUpRequest(debtor, situation.Language, today, data.Agreements, all), cancellationToken).ConfigureAwait(false);
        return await FollowUpAsync(situation, followUp, data.Entries, cancellationToken).ConfigureAwait(false)
            ?? await RemindAsync(situation, followUp.NextCheck, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The conversation proactive messages go to: the most recently active bound chat whose channel address can still
    /// receive them; failing that, the most recent one at all (so the contact rules can say why it cannot be used).
    /// </summary>
    public static ConversationLink? ChooseConversation(Debtor debtor, IReadOnlyList<ConversationLink> links) => ChooseConversation(debtor, links, null);

    /// <summary>
    /// As <see cref="ChooseConversation(Debtor, IReadOnlyList{ConversationLink})"/>, with the owner's preferred channel
    /// first (<see cref="Debtor.PreferredChannel"/>, when it can deliver) and — when <paramref name="emailAt"/> is given
    /// (the host has an e-mail channel) — the debtor's e-mail address as the fallback when no chat can deliver.
    /// </summary>
    public static ConversationLink? ChooseConversation(Debtor debtor, IReadOnlyList<ConversationLink> links, DateTimeOffset? emailAt)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(links);
        var bound = links.Where(l => l.DebtorId == debtor.Id && (emailAt is not null || l.Channel != ChannelKind.Email))
            .OrderByDescending(l => l.LastInboundAt ?? l.LinkedAt).ToList();
        if (emailAt is { } at && !bound.Any(l => l.Channel == ChannelKind.Email) && EmailConversation.For(debtor, at) is { } email)
            bound.Add(email);
        if (emailAt is not null)
            EmailConversation.EnsureContact(debtor);
        bool CanDeliver(ConversationLink l) => debtor.Contact(l.Channel)?.CanReceiveProactive == true;
        return bound.FirstOrDefault(l => l.Channel == debtor.PreferredChannel && CanDeliver(l))
            ?? bound.FirstOrDefault(CanDeliver)
            ?? bound.FirstOrDefault();
    }

    private ContactDecision Decide(Situation s, IReadOnlyList<Invoice> about) => contact.Evaluate(new ContactRequest
    {
        Debtor = s.Debtor,
        Channel = s.Target?.Channel ?? "",
        Now = s.Now,
        RecentProactive = ProactiveHistory.SentSince(s.Case, s.Now.AddDays(-7)),
        StaffOwnsConversation = s.StaffOwns,
        Invoices = about,
    });

    private async Task<PlanResult> NotSentAsync(Situation s, ContactDecision decision, string? stageKey, IReadOnlyList<string> numbers,
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
            s.Case.NextActionAt = NextAction(s, null, followUpCheck) is { } next && next > recheck ? next : recheck;
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

    private async Task<PlanResult> EnqueueAsync(Situation s, OutboxEntry entry, string stageKey, CancellationToken cancellationToken)
    {
        var written = await WriteAsync(s, entry, cancellationToken).ConfigureAwait(false);
        return written
            ? new PlanResult(s.Debtor.Id, PlanOutcome.Enqueued, ContactDecision.Ok)
            {
                StageKey = stageKey, InvoiceNumbers = entry.InvoiceNumbers, Entry = entry, Escalated = s.Escalated, NextActionAt = s.Case.NextActionAt,
            }
            : new PlanResult(s.Debtor.Id, PlanOutcome.Conflict, "duplicate") { StageKey = stageKey, InvoiceNumbers = entry.InvoiceNumbers };
    }

    private static OutboxEntry NewEntry(Situation s, string key, string kind, string messageKey, string text, IReadOnlyList<OutboxItem> items) => new()
    {
        Key = key,
        DebtorId = s.Debtor.Id,
        Kind = kind,
        Channel = s.Target!.Channel,
        ConversationKey = s.Target.Key,
        Language = s.Language,
        MessageKey = messageKey,
        Text = text,
        Items = items,
        CreatedAt = s.Now,
        NextAttemptAt = s.Now,
    };

    /// <summary>
    /// Saves the case (with the entry, if any) now, or leaves both in the buffer; false when the entry's key is taken.
    /// <paramref name="afterWrite"/> runs only once the write has landed: here right after it, with a buffer after its commit.
    /// </summary>
    private async Task<bool> WriteAsync(PlanBuffer? buffer, DunningCase dunningCase, OutboxEntry? entry,
        IReadOnlyList<Func<CancellationToken, Task>> afterWrite, CancellationToken cancellationToken)
    {
        if (buffer is not null)
        {
            buffer.Add(dunningCase, entry, afterWrite);
            return true;
        }
        if (entry is not null)
        {
            if (!await outbox.EnqueueAsync(entry, dunningCase, cancellationToken).ConfigureAwait(false))
                return false;
        }
        else
        {
            await cases.SaveAsync(dunningCase, cancellationToken).ConfigureAwait(false);
        }
        foreach (var action in afterWrite)
            await action(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Everything one planning step works on, and what is to happen once its write has landed.</summary>
    private sealed record Situation(Debtor Debtor, DunningCase Case, IReadOnlyList<Invoice> Invoices, DateTimeOffset Now, DateOnly Today,
        ConversationLink? Target, bool StaffOwns, string Language, IReadOnlyList<string> Escalated, PlanBuffer? Buffer)
    {
        private List<Func<CancellationToken, Task>>? afterWrite;

        /// <summary>Actions to run once the write landed (created on first use: most steps have none).</summary>
        public IReadOnlyList<Func<CancellationToken, Task>> AfterWrite => afterWrite ?? [];

        public void AfterWriteDo(Func<CancellationToken, Task> action) => (afterWrite ??= []).Add(action);

        /// <summary>Agreement state changes after the write (invoices may resume): look at the case again soon.</summary>
        public bool RecheckSoon { get; set; }
    }
}
