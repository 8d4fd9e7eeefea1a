using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Core.Claims;

public sealed partial class ClaimBook
{
    /// <summary>
    /// Undoes the payment booked with <paramref name="reference"/> on each of <paramref name="numbers"/> (a transfer split
    /// over several invoices is undone on all of them) in ONE transaction: the payments move to the invoices' reversals,
    /// the ledger allocates what is left afresh, a settled claim opens again and the case asks the schedule to look again
    /// (reminders resume by the usual rules). All or nothing: when any invoice is missing, has no such payment or had it
    /// reversed already, nothing changes and the result says why.
    /// </summary>
    public async Task<ReversalResult> ReverseAsync(IReadOnlyList<string> numbers, string reference, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var now = clock.GetUtcNow();
        ReversalResult result = new([], null);
        await ChangeAsync(null, numbers, batch =>
        {
            result = Check(batch, numbers, reference);
            if (result.Refusal is not null)
                return;
            var claims = new List<Claim>();
            foreach (var number in numbers)
            {
                var (invoice, debtor, dunningCase) = batch.Context(number)!.Value;
                var today = InvoiceStatements.TodayOf(debtor, now);
                var undone = invoice.ReversePayments(reference, today, reason, actor);
                var claim = ledger.Compute(invoice, debtor, dunningCase, today);
                ClaimLedger.Settle(invoice, claim);
                claims.Add(claim);
                batch.Record(invoice, dunningCase, new CaseAction(now, CaseActionKinds.Payment,
                    $"Payment of {Amount(undone.Sum(p => p.Amount))} {invoice.Currency} ({reference}) reversed: {reason}; open {Amount(claim.Open.Amount)} {invoice.Currency}",
                    InvoiceNumbers: [invoice.Number], Actor: actor));
            }
            result = new ReversalResult(claims, null);
        }, cancellationToken);
        return result;
    }

    private static ReversalResult Check(ClaimBatch batch, IReadOnlyList<string> numbers, string reference)
    {
        if (numbers.Count == 0)
            return new ReversalResult([], $"No booked payment has the reference {reference}.");
        foreach (var number in numbers)
        {
            if (batch.Context(number) is not var (invoice, _, _))
                return new ReversalResult([], $"Invoice {number} no longer exists.");
            if (invoice.Payments.Any(p => p.Reference == reference))
                continue;
            return invoice.Reversals.LastOrDefault(r => r.Payment.Reference == reference) is { } done
                ? new ReversalResult([], $"The payment {reference} on invoice {number} was already reversed on {done.On:yyyy-MM-dd} by {done.By}.") { AlreadyReversed = true }
                : new ReversalResult([], $"Invoice {number} has no booked payment with reference {reference}.");
        }
        return new ReversalResult([], null);
    }
}

/// <summary>What <see cref="ClaimBook.ReverseAsync"/> did: each invoice's claim afterwards, or why nothing was changed.</summary>
public sealed record ReversalResult(IReadOnlyList<Claim> Claims, string? Refusal)
{
    /// <summary>Refused because the payment was reversed before.</summary>
    public bool AlreadyReversed { get; init; }
}
