using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Staff.Pages;

/// <summary>Where a debtor's case stands, most pressing first (the order of the Cases list's status filter).</summary>
public enum CaseStatus
{
    Escalated,
    Disputed,
    Overdue,
    Agreement,
    Paused,
    NotYetDue,
    Settled,
}

/// <summary>One line of the Cases list: the debtor, what is open (from the claim), the highest stage, the status and the next action.</summary>
public sealed record CaseRow(Debtor Debtor, IReadOnlyList<Money> Open, int Stage, CaseStatus Status, DateTimeOffset? NextActionAt, InvoiceStatement? Next)
{
    /// <summary>The largest open amount, for sorting (currencies are not added up).</summary>
    public decimal OpenAmount => Open.Count == 0 ? 0m : Open.Max(m => m.Amount);

    /// <summary>
    /// The row of <paramref name="debtor"/>: open amounts per currency, the highest stage and the soonest next stage of its
    /// open invoices, and a status: an open escalation, a dispute, an overdue claim, an active agreement, a pause, nothing
    /// due yet, or nothing open.
    /// </summary>
    public static CaseRow Of(Debtor debtor, DebtorStatement statement, DunningCase? dunningCase, bool escalated, bool agreement)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(statement);
        var open = statement.Open;
        var status = open.Count == 0 ? CaseStatus.Settled
            : escalated ? CaseStatus.Escalated
            : open.Any(s => s.Status == InvoiceStatus.Disputed) ? CaseStatus.Disputed
            : agreement ? CaseStatus.Agreement
            : open.Any(s => s.Status == InvoiceStatus.Paused) ? CaseStatus.Paused
            : open.Any(s => s.Invoice.DueDate < statement.Today) ? CaseStatus.Overdue
            : CaseStatus.NotYetDue;
        var next = open.Where(s => s.NextStage is not null && s.NextStageOn is not null && !s.IsOnHold).OrderBy(s => s.NextStageOn).FirstOrDefault();
        return new CaseRow(debtor, [.. DebtorStatement.TotalsByCurrency(open).Select(m => m.Rounded())], open.Count == 0 ? 0 : open.Max(s => s.Stage), status,
            open.Count == 0 ? null : dunningCase?.NextActionAt, next);
    }
}
