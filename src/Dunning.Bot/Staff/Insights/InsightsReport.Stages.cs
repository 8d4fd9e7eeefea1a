using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Staff.Insights;

public sealed partial class InsightsReport
{
    /// <summary>Agreements (promises to pay by a date or in instalments) by the stage their invoices had reached when made.</summary>
    private List<PromiseReliability> PromisesByStage(IReadOnlyList<PaymentAgreement> all, IReadOnlyDictionary<string, DunningCase> casesByDebtor) =>
        [.. all.Where(a => a.State is AgreementState.Kept or AgreementState.Broken or AgreementState.Active)
            .GroupBy(a => StageAt(casesByDebtor.GetValueOrDefault(a.DebtorId), a.InvoiceNumbers, a.CreatedAt))
            .OrderBy(g => g.Key)
            .Select(g => new PromiseReliability(g.Key, ladder.Stage(g.Key)?.Key, g.Count(a => a.State == AgreementState.Kept),
                g.Count(a => a.State == AgreementState.Broken), g.Count(a => a.State == AgreementState.Active)))];

    /// <summary>
    /// Every payment in the claim ledger, put to the stage whose reminder was the latest sent on or before its date (0: paid
    /// before any reminder), with the invoices settled at that stage.
    /// </summary>
    private async Task<List<StageYield>> YieldAsync(IReadOnlyList<Invoice> invoiceList, IReadOnlyDictionary<string, DunningCase> casesByDebtor,
        CancellationToken cancellationToken)
    {
        var rows = new List<(int Stage, string Currency, decimal Amount, bool Settles)>();
        foreach (var byDebtor in invoiceList.GroupBy(i => i.DebtorId, StringComparer.Ordinal))
        {
            if (await debtors.FindAsync(byDebtor.Key, cancellationToken) is not { } debtor)
                continue;
            var dunningCase = casesByDebtor.GetValueOrDefault(byDebtor.Key);
            foreach (var invoice in byDebtor)
            {
                var claim = (await statements.ForInvoiceAsync(invoice, debtor, cancellationToken)).Claim;
                var payments = claim.Entries.Where(e => e.Kind == ClaimEntryKind.Payment).OrderBy(e => e.Date).ToList();
                foreach (var payment in payments)
                {
                    var at = new DateTimeOffset(payment.Date.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
                    rows.Add((StageAt(dunningCase, [invoice.Number], at), claim.Currency, payment.Amount.Amount,
                        claim.IsSettled && ReferenceEquals(payment, payments[^1])));
                }
            }
        }
        return [.. rows.GroupBy(r => (r.Stage, r.Currency)).OrderBy(g => g.Key.Stage).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g => new StageYield(g.Key.Stage, ladder.Stage(g.Key.Stage)?.Key, g.Key.Currency, g.Count(), g.Sum(r => r.Amount), g.Count(r => r.Settles)))];
    }

    /// <summary>How many reminders about any of <paramref name="numbers"/> were sent up to <paramref name="at"/>, capped at the ladder's last stage.</summary>
    private int StageAt(DunningCase? dunningCase, IReadOnlyList<string> numbers, DateTimeOffset at)
    {
        if (dunningCase is null)
            return 0;
        var sent = numbers.Select(n => dunningCase.History.Count(a => a.Kind == CaseActionKinds.Reminder && a.At <= at
            && a.InvoiceNumbers?.Contains(n, StringComparer.Ordinal) == true)).DefaultIfEmpty(0).Max();
        return Math.Min(sent, ladder.Stages.Count);
    }
}
