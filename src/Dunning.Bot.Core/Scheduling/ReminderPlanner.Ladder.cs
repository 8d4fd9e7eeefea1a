using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Scheduling;

public sealed partial class ReminderPlanner
{
    private async Task<PlanResult> RemindAsync(Situation s, DateOnly? followUpCheck, CancellationToken cancellationToken)
    {
        var held = new List<string>();
        var due = DueStages(s.Debtor, s.Case, s.Invoices, s.Now, s.Today, null, held).Where(d => d.Due.Stage.NotifyDebtor)
            .OrderBy(d => d.Invoice.Number, StringComparer.Ordinal).ToList();
        if (due.Count == 0 && held.Count > 0)
            return await AwaitDeliveryAsync(s, held, followUpCheck, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            s.Case.NextActionAt = NextAction(s, null, followUpCheck);
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
        s.Case.NextActionAt = NextAction(s, items.ToDictionary(i => i.InvoiceNumber, _ => s.Today, StringComparer.Ordinal), followUpCheck);
        // No text yet: the dispatcher renders reminders from the items (fresh amounts at send time), see ReminderComposer.
        var entry = NewEntry(s, OutboxEntry.ReminderKey(s.Debtor.Id, items), OutboxKinds.Reminder, ReminderComposer.MessageKey(top.Key), "", items);
        var result = await EnqueueAsync(s, entry, top.Key, cancellationToken).ConfigureAwait(false);

        var escalating = due.Where(d => d.Due.Stage.EscalateToOwner).Select(d => d.Invoice.Number).ToList();
        if (result.Outcome == PlanOutcome.Enqueued && escalating.Count > 0)
        {
            await escalations.RaiseAsync(s.Debtor.Id, EscalationReason.FinalStage, $"Ladder stage {top.Key} reached", escalating, s.Target?.Key, cancellationToken)
                .ConfigureAwait(false);
            result = result with { Escalated = [.. s.Escalated, top.Key] };
        }
        return result;
    }

    /// <summary>
    /// A stage is due that may only follow a delivered reminder, and the last one has not arrived yet: nothing is sent, the
    /// case says so once, and it is looked at again after <see cref="ReminderPlannerOptions.SuppressedRecheckHours"/> (a
    /// delivery or the e-mail fallback puts it up for planning at once).
    /// </summary>
    private async Task<PlanResult> AwaitDeliveryAsync(Situation s, IReadOnlyList<string> held, DateOnly? followUpCheck, CancellationToken cancellationToken)
    {
        const string reason = "awaiting_delivery";
        RecordSuppression(s.Case, reason, held, s.Now);
        var recheck = s.Now.AddHours(settings.SuppressedRecheckHours);
        s.Case.NextActionAt = followUpCheck is { } check && contact.NextAllowedInstant(s.Debtor, check) is { } at && at < recheck ? at : recheck;
        await WriteAsync(s, null, cancellationToken).ConfigureAwait(false);
        return new PlanResult(s.Debtor.Id, PlanOutcome.Waiting, reason) { InvoiceNumbers = held, Escalated = s.Escalated, NextActionAt = s.Case.NextActionAt };
    }

    /// <summary>
    /// Ladder stages that only escalate to the owner (no message to the debtor): raised first, then the invoices advance.
    /// Raising is idempotent (the desk reuses an open escalation), so a crash between the two repeats nothing visible.
    /// </summary>
    private async Task<IReadOnlyList<string>> EscalateFinalStagesAsync(Debtor debtor, DunningCase dunningCase, IReadOnlyList<Invoice> all,
        DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var internalStages = DueStages(debtor, dunningCase, all, now, today, null, null)
            .Where(d => d.Due.Stage is { EscalateToOwner: true, NotifyDebtor: false })
            .ToList();
        if (internalStages.Count == 0)
            return [];
        var keys = internalStages.Select(d => d.Due.Stage.Key).Distinct(StringComparer.Ordinal).ToList();
        var numbers = internalStages.Select(d => d.Invoice.Number).ToList();
        await escalations.RaiseAsync(debtor.Id, EscalationReason.FinalStage, $"Ladder stage {string.Join(", ", keys)} reached", numbers, null, cancellationToken)
            .ConfigureAwait(false);
        await cases.UpdateAsync(debtor.Id, c =>
        {
            foreach (var d in internalStages.Where(d => c.StageOf(d.Invoice.Number) < d.Due.Stage.Number))
                c.Advance(d.Invoice.Number, d.Due.Stage.Number);
        }, cancellationToken).ConfigureAwait(false);
        return keys;
    }

    /// <summary>
    /// The stage due today for each dunnable invoice (at most one per invoice: the ladder never bursts). A stage that
    /// requires a delivered reminder (<see cref="DunningStage.RequiresDelivery"/>) whose previous reminder has not arrived is
    /// left out and its invoice added to <paramref name="held"/>.
    /// </summary>
    private List<(Invoice Invoice, StageDue Due)> DueStages(Debtor debtor, DunningCase dunningCase, IReadOnlyList<Invoice> all,
        DateTimeOffset now, DateOnly today, IReadOnlyDictionary<string, DateOnly>? sentToday, List<string>? held)
    {
        var due = new List<(Invoice, StageDue)>();
        foreach (var invoice in all)
        {
            if (!invoice.IsDunnable(now))
                continue;
            if (ladder.Due(invoice, debtor.Kind, dunningCase.StageOf(invoice.Number), LastSentOn(debtor, dunningCase, invoice.Number, sentToday), today,
                ladder.NonWorkingDays(debtor)) is not { } stage)
                continue;
            if (stage.Stage.RequiresDelivery(debtor.Kind) && !ProactiveHistory.LastReminderDelivered(dunningCase, invoice.Number))
                held?.Add(invoice.Number);
            else
                due.Add((invoice, stage));
        }
        return due;
    }

    private DateOnly? LastSentOn(Debtor debtor, DunningCase dunningCase, string number, IReadOnlyDictionary<string, DateOnly>? sentToday) =>
        sentToday is not null && sentToday.TryGetValue(number, out var day) ? day
        : ProactiveHistory.LastReminderAbout(dunningCase, number) is { } at ? contact.LocalDate(debtor, at)
        : null;

    /// <summary>
    /// When to look at the case next: the earliest next ladder date of any dunnable invoice (turned into the first allowed
    /// instant of that day in the debtor's zone), the end of a pause with an expiry, or the next follow-up check. Paid,
    /// disputed and written-off invoices wait for whoever changes them to touch the case. Null when nothing is pending.
    /// </summary>
    private DateTimeOffset? NextAction(Situation s, IReadOnlyDictionary<string, DateOnly>? sentToday, DateOnly? followUpCheck)
    {
        DateOnly? day = followUpCheck;
        DateTimeOffset? instant = null;
        foreach (var invoice in s.Invoices)
        {
            var status = invoice.StatusAt(s.Now);
            if (status == InvoiceStatus.Paused && invoice.Pause?.Until is { } until)
                instant = Min(instant, until);
            if (status is not (InvoiceStatus.Open or InvoiceStatus.PartiallyPaid))
                continue;
            var next = ladder.NextDueDate(invoice.DueDate, s.Case.StageOf(invoice.Number), LastSentOn(s.Debtor, s.Case, invoice.Number, sentToday),
                ladder.NonWorkingDays(s.Debtor));
            if (next is { } d && (day is null || d < day))
                day = d;
        }
        if (day is { } date)
            instant = Min(instant, contact.NextAllowedInstant(s.Debtor, date) ?? contact.NextAllowedInstant(s.Debtor, s.Now.AddDays(1)));
        // Something already due that could not go out now must not spin the sweep: look again a little later.
        var floor = s.Now.AddMinutes(settings.InFlightRecheckMinutes);
        return instant is { } at && at <= s.Now ? floor : instant;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
