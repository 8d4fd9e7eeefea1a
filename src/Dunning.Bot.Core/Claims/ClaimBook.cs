using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Core.Claims;

/// <summary>
/// Books payments and write-offs on stored invoices: reads the invoices with their debtors and cases, lets the
/// <see cref="ClaimLedger"/> allocate, and saves the invoices together with the case entries that record what was booked
/// in ONE transaction (<see cref="IInvoiceStore.SaveBatchAsync"/>; re-read and re-applied on a concurrent change), so the
/// owner's API, the console and the bank import change claims the same way and a crash leaves either both or neither.
/// </summary>
public sealed partial class ClaimBook(IInvoiceStore invoices, IDebtorStore debtors, ICaseStore cases, ClaimLedger ledger, TimeProvider clock)
{
    /// <summary>Books <paramref name="payment"/> on invoice <paramref name="number"/>; null when there is no such invoice.</summary>
    public async Task<Booking?> PayAsync(string number, Payment payment, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var result = (await PayManyAsync([new PaymentOrder(number, payment)], actor, cancellationToken))[0];
        return result.Refusal is { } refusal ? throw new DomainException(refusal) : result.Booking;
    }

    /// <summary>
    /// Books every order, in order, with the same allocation, audit and idempotency as <see cref="PayAsync"/>, in one
    /// transaction: all of them are stored or (on a crash) none. A refused order (<see cref="DomainException"/>: a future
    /// date, not whole cents) or a missing invoice leaves the others booked. One result per order, in order.
    /// </summary>
    public Task<IReadOnlyList<PaymentResult>> PayManyAsync(IReadOnlyList<PaymentOrder> orders, string actor, CancellationToken cancellationToken) =>
        PayManyAsync(null, orders, actor, cancellationToken);

    /// <summary>
    /// <see cref="PayManyAsync(IReadOnlyList{PaymentOrder}, string, CancellationToken)"/> on documents the caller has read
    /// already (<paramref name="loaded"/>, null: read them): used as they are on the first attempt, read again after a
    /// concurrent change.
    /// </summary>
    public async Task<IReadOnlyList<PaymentResult>> PayManyAsync(ClaimSet? loaded, IReadOnlyList<PaymentOrder> orders, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count == 0)
            return [];
        var now = clock.GetUtcNow();
        var results = new List<PaymentResult>(orders.Count);
        await ChangeAsync(loaded, [.. orders.Select(o => o.Number)], batch =>
        {
            results.Clear();
            foreach (var order in orders)
                results.Add(Pay(batch, order, actor, now));
        }, cancellationToken);
        return results;
    }

    /// <summary>Writes off <paramref name="amount"/> (null: all that is open) of invoice <paramref name="number"/>; null when there is no such invoice.</summary>
    public async Task<Claim?> WriteOffAsync(string number, decimal? amount, string reason, string actor, CancellationToken cancellationToken)
    {
        Claim? claim = null;
        var now = clock.GetUtcNow();
        await ChangeAsync(null, [number], batch =>
        {
            claim = null;
            if (batch.Context(number) is not var (invoice, debtor, dunningCase))
                return;
            claim = ledger.BookWriteOff(invoice, debtor, dunningCase, amount, reason, actor, now, InvoiceStatements.TodayOf(debtor, now));
            var written = invoice.WriteOffs[^1];
            batch.Record(invoice, dunningCase, new CaseAction(now, CaseActionKinds.WriteOff,
                $"Write-off of {Amount(written.Amount)} {invoice.Currency}: {written.Reason}; open {Amount(claim.Open.Amount)} {invoice.Currency}",
                InvoiceNumbers: [invoice.Number], Actor: actor));
        }, cancellationToken);
        return claim;
    }

    private PaymentResult Pay(ClaimBatch batch, PaymentOrder order, string actor, DateTimeOffset now)
    {
        if (batch.Context(order.Number) is not var (invoice, debtor, dunningCase))
            return new PaymentResult(order, null, null);
        Booking booking;
        try
        {
            booking = ledger.BookPayment(invoice, debtor, dunningCase, order.Payment, InvoiceStatements.TodayOf(debtor, now));
        }
        catch (DomainException e)
        {
            return new PaymentResult(order, null, e.Message);
        }
        if (!booking.Duplicate)
            batch.Record(invoice, dunningCase, new CaseAction(now, CaseActionKinds.Payment, Describe(invoice, order.Payment, booking), InvoiceNumbers: [invoice.Number], Actor: actor));
        return new PaymentResult(order, booking, null);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the invoices named, their debtors and cases (<paramref name="loaded"/>, else
    /// read) and saves what it changed in one transaction; on a concurrent change everything is read again and the change
    /// applied afresh (it must be safe to repeat).
    /// </summary>
    private async Task ChangeAsync(ClaimSet? loaded, IReadOnlyCollection<string> numbers, Action<ClaimBatch> change, CancellationToken cancellationToken)
    {
        var useLoaded = loaded is not null;
        await ConflictRetry.UpdateAsync(
            async ct =>
            {
                var set = loaded ?? new ClaimSet();
                if (!useLoaded)
                    await set.LoadAsync(invoices, debtors, cases, numbers, ct);
                useLoaded = false;
                return new ClaimBatch(set);
            },
            (batch, ct) => batch.Changed ? invoices.SaveBatchAsync([], batch.ChangedInvoices, batch.ChangedCases, ct) : Task.CompletedTask,
            change, cancellationToken);
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

    internal static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
