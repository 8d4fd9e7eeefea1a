using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Core.Claims;

/// <summary>
/// Books payments and write-offs on stored invoices: reads the invoice with its debtor and case, lets the
/// <see cref="ClaimLedger"/> allocate, saves the invoice (re-applied on a concurrent change) and records what was booked
/// in the case, so the owner's API, the console and the bank import change claims the same way.
/// </summary>
public sealed class ClaimBook(IInvoiceStore invoices, IDebtorStore debtors, ICaseStore cases, ClaimLedger ledger, TimeProvider clock)
{
    /// <summary>Books <paramref name="payment"/> on invoice <paramref name="number"/>; null when there is no such invoice.</summary>
    public async Task<Booking?> PayAsync(string number, Payment payment, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (await ContextAsync(number, cancellationToken) is not var (debtor, dunningCase))
            return null;
        Booking? booking = null;
        var now = clock.GetUtcNow();
        var saved = await invoices.UpdateAsync(number, i => booking = ledger.BookPayment(i, debtor, dunningCase, payment, InvoiceStatements.TodayOf(debtor, now)), cancellationToken);
        if (saved is null || booking is null)
            return null;
        if (!booking.Duplicate)
            await cases.RecordAsync(saved.DebtorId, now, CaseActionKinds.Payment, Describe(saved, payment, booking), [saved.Number], actor, cancellationToken);
        return booking;
    }

    /// <summary>Writes off <paramref name="amount"/> (null: all that is open) of invoice <paramref name="number"/>; null when there is no such invoice.</summary>
    public async Task<Claim?> WriteOffAsync(string number, decimal? amount, string reason, string actor, CancellationToken cancellationToken)
    {
        if (await ContextAsync(number, cancellationToken) is not var (debtor, dunningCase))
            return null;
        Claim? claim = null;
        var now = clock.GetUtcNow();
        var saved = await invoices.UpdateAsync(number, i => claim = ledger.BookWriteOff(i, debtor, dunningCase, amount, reason, actor, now, InvoiceStatements.TodayOf(debtor, now)), cancellationToken);
        if (saved is null || claim is null)
            return null;
        var written = saved.WriteOffs[^1];
        await cases.RecordAsync(saved.DebtorId, now, CaseActionKinds.WriteOff,
            $"Write-off of {Amount(written.Amount)} {saved.Currency}: {written.Reason}; open {Amount(claim.Open.Amount)} {saved.Currency}", [saved.Number], actor, cancellationToken);
        return claim;
    }

    private async Task<(Debtor Debtor, DunningCase? Case)?> ContextAsync(string number, CancellationToken cancellationToken)
    {
        if (await invoices.FindAsync(number, cancellationToken) is not { } invoice
            || await debtors.FindAsync(invoice.DebtorId, cancellationToken) is not { } debtor)
            return null;
        return (debtor, await cases.FindAsync(debtor.Id, cancellationToken));
    }

    private static string Describe(Invoice invoice, Payment payment, Booking booking)
    {
        var c = invoice.Currency;
        var parts = booking.Entry is { } e
            ? $": {Amount(e.ToFees.Amount)} to costs, {Amount(e.ToInterest.Amount)} to interest, {Amount(e.ToPrincipal.Amount)} to principal"
              + (e.ToCredit.IsPositive ? $", {Amount(e.ToCredit.Amount)} credit" : "")
            : "";
        var waived = booking.Waived.IsPositive ? $"; residue of {Amount(booking.Waived.Amount)} {c} waived" : "";
        return $"Payment of {Amount(payment.Amount)} {c} on {payment.Date:yyyy-MM-dd}" + (payment.Reference is { } r ? $" ({r})" : "")
            + parts + waived + $"; open {Amount(booking.Claim.Open.Amount)} {c}";
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
