using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Cases;

/// <summary>
/// Raises escalations for dialogs and the schedule: stores the escalation with its priority and
/// response target, records it in the case history and alerts the owner. An open escalation of the same
/// reason for the same debtor is reused, so a debtor repeating "I want a person" does not flood the inbox.
/// The response target counts the owner's business hours only (<see cref="BusinessClock"/>), so what the debtor is promised
/// is an hour at which someone is at work.
/// </summary>
public sealed class EscalationDesk(
    IEscalationStore escalations,
    ICaseStore cases,
    IDebtorStore debtors,
    IOwnerNotifier notifier,
    IOptions<EscalationOptions> options,
    TimeProvider clock,
    HolidayCalendar? holidays = null)
{
    private readonly BusinessClock business = new(options.Value, holidays ?? new HolidayCalendar());

    /// <summary>The owner's business time the response targets count in.</summary>
    public BusinessClock Business => business;

    /// <summary>Raises (or returns the open) escalation; <see cref="Escalation.RespondBy"/> is what the debtor may be told.</summary>
    public async Task<Escalation> RaiseAsync(string debtorId, EscalationReason reason, string? detail,
        IReadOnlyList<string>? invoiceNumbers, string? conversationKey, CancellationToken cancellationToken)
    {
        var open = (await escalations.ListByDebtorAsync(debtorId, cancellationToken))
            .FirstOrDefault(e => e.Reason == reason && e.State != EscalationState.Resolved);
        if (open is not null)
            return open;

        var now = clock.GetUtcNow();
        var rule = options.Value.For(reason);
        var escalation = new Escalation
        {
            Id = $"E-{now:yyyyMMdd}-{Guid.NewGuid():N}"[..20],
            DebtorId = debtorId,
            Reason = reason,
            Priority = rule.Priority,
            RaisedAt = now,
            RespondBy = business.After(now, rule.RespondWithinHours),
            Detail = detail,
            InvoiceNumbers = invoiceNumbers ?? [],
            ConversationKey = conversationKey,
        };
        await escalations.SaveAsync(escalation, cancellationToken);
        var summary = $"Escalated ({reason}, {rule.Priority})" + (detail is null ? "" : $": {detail}");
        await cases.UpdateAsync(debtorId, c => c.Record(new CaseAction(now, CaseActionKinds.Escalation, summary,
            InvoiceNumbers: invoiceNumbers, Actor: "bot")), cancellationToken);

        var name = (await debtors.FindAsync(debtorId, cancellationToken))?.Name ?? debtorId;
        await notifier.NotifyAsync(new OwnerAlert(debtorId, name, reason, rule.Priority, summary, escalation.Id, now), cancellationToken);
        return escalation;
    }
}
