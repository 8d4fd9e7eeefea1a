using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Banking;

/// <summary>
/// What a person does with a waiting statement entry: assign it to one or more invoices (booked through
/// <see cref="ClaimBook"/> with the bank's reference, split oldest due first, the payer's IBAN learned) or ignore it;
/// either is audited in the queue (who, when) and, for an assignment, in the cases like every payment.
/// </summary>
public sealed class BankReviewDesk(IBankReviewStore review, IInvoiceStore invoices, ClaimBook book, IPayerAccountStore accounts, TimeProvider clock)
{
    /// <summary>Books the entry on <paramref name="numbers"/>; returns a refusal (nothing changed) or null when done.</summary>
    public async Task<string?> AssignAsync(string key, IReadOnlyList<string> numbers, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (await review.FindAsync(key, cancellationToken) is not { } entry)
            return "There is no such entry in the review queue.";
        if (entry.Resolution is not null)
            return $"The entry was already {entry.Resolution.Outcome.ToString().ToLowerInvariant()} by {entry.Resolution.By}.";
        var item = entry.Item;
        if (item.Reason.StartsWith("reversal", StringComparison.Ordinal))
            return "A reversal is not a payment; reverse the booked payment instead.";
        var wanted = numbers.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count is 0 or > 20)
            return "Name between 1 and 20 invoices.";
        var found = (await invoices.FindManyAsync(wanted, cancellationToken)).OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal).ToList();
        if (found.Count != wanted.Count)
            return $"Unknown invoice: {string.Join(", ", wanted.Except(found.Select(i => i.Number), StringComparer.Ordinal))}.";
        if (found.FirstOrDefault(i => i.Currency != item.Currency) is { } other)
            return $"Invoice {other.Number} is in {other.Currency}, the payment in {item.Currency}.";
        var orders = Split(item, found);
        var results = await book.PayManyAsync(orders, by, cancellationToken);
        if (results.FirstOrDefault(r => r.Refusal is not null) is { } refused)
            return refused.Refusal;
        var now = clock.GetUtcNow();
        await review.ResolveAsync(key, new BankReviewResolution(BankReviewOutcome.Assigned, [.. orders.Select(o => o.Number)], by, now), cancellationToken);
        if (item.PayerIban is { } iban)
            await accounts.LearnAsync([.. found.Select(i => (iban, i.DebtorId)).Distinct()], now, cancellationToken);
        return null;
    }

    /// <summary>Takes the entry off the queue without booking (not our money, booked by hand elsewhere); the note says why.</summary>
    public async Task<string?> IgnoreAsync(string key, string by, string? note, CancellationToken cancellationToken)
    {
        if (note is { Length: > 500 })
            return "The note is longer than 500 characters.";
        var done = await review.ResolveAsync(key, new BankReviewResolution(BankReviewOutcome.Ignored, [], by, clock.GetUtcNow(), note?.Trim()), cancellationToken);
        return done ? null : "There is no such waiting entry in the review queue.";
    }

    /// <summary>
    /// The whole amount on one invoice; over several, each paid up to what it was issued for less what was paid, oldest due
    /// first, the rest on the last (the ledger allocates each part per §367 and keeps any excess as a credit).
    /// </summary>
    private static List<PaymentOrder> Split(BankImportItem item, List<Invoice> found)
    {
        // The bank's reference keeps the booking idempotent; an entry without one is keyed by its facts (see BankEntry.Key).
        var reference = item.Reference ?? item.Key;
        var left = item.Amount;
        var orders = new List<PaymentOrder>();
        for (var i = 0; i < found.Count && left > 0m; i++)
        {
            var part = i == found.Count - 1 ? left : Math.Min(left, Math.Max(0m, found[i].Total - found[i].Paid));
            if (part > 0m)
                orders.Add(new PaymentOrder(found[i].Number, new Payment(item.BookingDate, part, reference)));
            left -= part;
        }
        return orders;
    }
}
