using System.Text.Json;
using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;

namespace Dunning.Bot.Banking;

/// <summary>
/// Undoes a booked payment by its reference (the bank's entry reference, or the reference a payment was typed in with),
/// on every invoice it was booked on, through <see cref="ClaimBook.ReverseAsync"/>: the claim opens again and reminders
/// resume by the usual rules. Audited; reversing twice, or a reference nothing was booked with, is refused.
/// </summary>
public sealed class BankReversals(IDebtorStore debtors, IInvoiceStore invoices, ClaimBook book, IAuditLog audit, TimeProvider clock)
{
    public const int MaxReason = 500;

    /// <summary>Reverses the payment <paramref name="reference"/>; null when done, else why nothing changed.</summary>
    public async Task<BankRefusal?> ReverseAsync(string? reference, string? reason, string by, CancellationToken cancellationToken)
    {
        var wanted = reference?.Trim();
        if (string.IsNullOrEmpty(wanted) || wanted.Length > 200)
            return new BankRefusal("refused_reference_needed", "Name the reference of the booked payment (at most 200 characters).");
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > MaxReason)
            return new BankRefusal("refused_reason_needed", $"Give a reason of at most {MaxReason} characters.");
        var all = await debtors.ListAsync(cancellationToken);
        var bookedOn = (await invoices.ListByDebtorsAsync([.. all.Select(d => d.Id)], cancellationToken))
            .Where(i => i.Payments.Any(p => p.Reference == wanted) || i.Reversals.Any(r => r.Payment.Reference == wanted))
            .OrderBy(i => i.Number, StringComparer.Ordinal).ToList();
        if (bookedOn.Count == 0)
            return new BankRefusal("refused_no_payment", $"No payment was booked with the reference {wanted}.", new { reference = wanted }, NotFound: true);
        var open = bookedOn.Where(i => i.Payments.Any(p => p.Reference == wanted)).ToList();
        if (open.Count == 0)
        {
            var done = bookedOn.SelectMany(i => i.Reversals).Last(r => r.Payment.Reference == wanted);
            return new BankRefusal("refused_already_reversed", $"The payment {wanted} was already reversed on {done.On:yyyy-MM-dd} by {done.By}.",
                new { reference = wanted, on = done.On, by = done.By });
        }
        var result = await book.ReverseAsync([.. open.Select(i => i.Number)], wanted, why, by, cancellationToken);
        if (result.Refusal is { } refusal)
            return new BankRefusal(result.AlreadyReversed ? "refused_already_reversed_now" : "refused_ledger", refusal, new { reference = wanted, detail = refusal });
        var now = clock.GetUtcNow();
        foreach (var (invoice, claim) in open.Zip(result.Claims))
        {
            await audit.WriteAsync(new AuditEntry(now, by, "reverse-payment", $"payment {wanted} on invoice {invoice.Number}",
                JsonSerializer.Serialize(new { paid = invoice.Paid, settledOn = invoice.SettledOn }),
                JsonSerializer.Serialize(new { paid = claim.Paid.Amount, open = claim.Open.Amount, reason = why })) { DebtorId = invoice.DebtorId }, cancellationToken);
        }
        return null;
    }
}
