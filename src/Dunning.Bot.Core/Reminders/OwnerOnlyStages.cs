using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Reminders;

/// <summary>Ladder stages that only escalate to the owner (no message to the debtor): raised, then the invoices advance.</summary>
public sealed class OwnerOnlyStages(LadderCalendar calendar, EscalationDesk escalations, ICaseStore cases)
{
    /// <summary>
    /// Raises the stages due today that only escalate, then advances their invoices; returns their keys and the case as
    /// stored afterwards (<paramref name="dunningCase"/> itself when none was due). Raising is idempotent (the desk reuses
    /// an open escalation), so a crash between the two repeats nothing visible.
    /// </summary>
    public async Task<(IReadOnlyList<string> Keys, DunningCase Case)> EscalateAsync(Debtor debtor, DunningCase dunningCase, IReadOnlyList<Invoice> all,
        DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        var due = calendar.Due(debtor, dunningCase, all, now, today, null, null)
            .Where(d => d.Due.Stage is { EscalateToOwner: true, NotifyDebtor: false })
            .ToList();
        if (due.Count == 0)
            return ([], dunningCase);
        var keys = due.Select(d => d.Due.Stage.Key).Distinct(StringComparer.Ordinal).ToList();
        var numbers = due.Select(d => d.Invoice.Number).ToList();
        await escalations.RaiseAsync(debtor.Id, EscalationReason.FinalStage, $"Ladder stage {string.Join(", ", keys)} reached", numbers, null, cancellationToken)
            .ConfigureAwait(false);
        await cases.UpdateAsync(debtor.Id, c =>
        {
            foreach (var d in due.Where(d => c.StageOf(d.Invoice.Number) < d.Due.Stage.Number))
                c.Advance(d.Invoice.Number, d.Due.Stage.Number);
        }, cancellationToken).ConfigureAwait(false);
        return (keys, await cases.FindAsync(debtor.Id, cancellationToken).ConfigureAwait(false) ?? dunningCase);
    }
}
