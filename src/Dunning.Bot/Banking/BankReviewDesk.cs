using System.Text.Json;
using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;

namespace Dunning.Bot.Banking;

/// <summary>
/// What a person does with a waiting statement entry: assign it to one or more invoices (booked through
/// <see cref="ClaimBook"/> with the bank's reference, split oldest due first, the payer's IBAN learned), confirm a proposed
/// reversal (the payment it names is undone, see <see cref="BankReversals"/>) or ignore it. Every decision is kept in the
/// queue (who, when) and written to the audit log; an assignment is recorded in the cases like every payment. A refused
/// decision (<see cref="BankRefusal"/>) changes nothing.
/// </summary>
public sealed class BankReviewDesk(IBankReviewStore review, IInvoiceStore invoices, ClaimBook book, IPayerAccountStore accounts,
    BankReversals reversals, IAuditLog audit, TimeProvider clock)
{
    public const int MaxInvoices = 20;
    public const int MaxNote = 500;

    /// <summary>Books the entry on <paramref name="numbers"/>; returns a refusal (nothing changed) or null when done.</summary>
    public async Task<BankRefusal?> AssignAsync(string key, IReadOnlyList<string> numbers, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (await WaitingAsync(key, cancellationToken) is not { } entry)
            return await WhyNotWaitingAsync(key, cancellationToken);
        var item = entry.Item;
        if (IsReversal(item))
            return new BankRefusal("refused_reversal_not_payment", "A reversal is not a payment; confirm it as a reversal or dismiss it.");
        var wanted = numbers.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count is 0 or > MaxInvoices)
            return new BankRefusal("refused_invoice_count", $"Name between 1 and {MaxInvoices} invoices.", new { max = MaxInvoices });
        var found = (await invoices.FindManyAsync(wanted, cancellationToken)).OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal).ToList();
        if (found.Count != wanted.Count)
        {
            var unknown = string.Join(", ", wanted.Except(found.Select(i => i.Number), StringComparer.Ordinal));
            return new BankRefusal("refused_unknown_invoice", $"Unknown invoice: {unknown}.", new { invoices = unknown });
        }
        if (found.FirstOrDefault(i => i.Currency != item.Currency) is { } other)
            return new BankRefusal("refused_currency", $"Invoice {other.Number} is in {other.Currency}, the payment in {item.Currency}.",
                new { number = other.Number, currency = other.Currency, payment_currency = item.Currency });
        var orders = Split(item, found);
        var results = await book.PayManyAsync(orders, by, cancellationToken);
        if (results.FirstOrDefault(r => r.Refusal is not null) is { } refused)
            return new BankRefusal("refused_ledger", refused.Refusal!, new { detail = refused.Refusal });
        var now = clock.GetUtcNow();
        var booked = orders.Select(o => o.Number).ToList();
        await review.ResolveAsync(key, new BankReviewResolution(BankReviewOutcome.Assigned, booked, by, now), cancellationToken);
        if (item.PayerIban is { } iban)
            await accounts.LearnAsync([.. found.Select(i => (iban, i.DebtorId)).Distinct()], now, cancellationToken);
        foreach (var invoice in found)
            await AuditAsync(by, "assign-bank-entry", item, invoice.DebtorId, new { invoices = booked, amount = item.Amount, item.Currency }, cancellationToken);
        return null;
    }

    /// <summary>Confirms a proposed reversal: undoes the payment it names, then takes the entry off the queue.</summary>
    public async Task<BankRefusal?> ConfirmReversalAsync(string key, string by, CancellationToken cancellationToken)
    {
        if (await WaitingAsync(key, cancellationToken) is not { } entry)
            return await WhyNotWaitingAsync(key, cancellationToken);
        if (!IsReversal(entry.Item) || entry.Item.Reverses is not { } reference)
            return new BankRefusal("refused_not_reversal", "This entry proposes no reversal of a booked payment; assign or dismiss it.");
        if (await reversals.ReverseAsync(reference, $"statement entry {entry.Item.Key} reverses it", by, cancellationToken) is { } refusal)
            return refusal;
        await review.ResolveAsync(key, new BankReviewResolution(BankReviewOutcome.Reversed, entry.Item.Suggestions, by, clock.GetUtcNow()), cancellationToken);
        await AuditAsync(by, "confirm-bank-reversal", entry.Item, null, new { reverses = reference, invoices = entry.Item.Suggestions }, cancellationToken);
        return null;
    }

    /// <summary>Takes the entry off the queue without booking (not our money, booked by hand elsewhere); the note says why.</summary>
    public async Task<BankRefusal?> IgnoreAsync(string key, string by, string? note, CancellationToken cancellationToken)
    {
        if (note is { Length: > MaxNote })
            return new BankRefusal("refused_note_long", $"The note is longer than {MaxNote} characters.", new { max = MaxNote });
        if (await WaitingAsync(key, cancellationToken) is not { } entry)
            return await WhyNotWaitingAsync(key, cancellationToken);
        var done = await review.ResolveAsync(key, new BankReviewResolution(BankReviewOutcome.Ignored, [], by, clock.GetUtcNow(), note?.Trim()), cancellationToken);
        if (!done)
            return await WhyNotWaitingAsync(key, cancellationToken);
        await AuditAsync(by, "dismiss-bank-entry", entry.Item, null, new { note = note?.Trim() }, cancellationToken);
        return null;
    }

    private async Task<BankReviewEntry?> WaitingAsync(string key, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(key) || key.Length > 200 ? null
        : await review.FindAsync(key, cancellationToken) is { Resolution: null } entry ? entry : null;

    private async Task<BankRefusal> WhyNotWaitingAsync(string key, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(key) && key.Length <= 200 && await review.FindAsync(key, cancellationToken) is { Resolution: { } done }
            ? new BankRefusal("refused_decided", $"The entry was already {done.Outcome.ToString().ToLowerInvariant()} by {done.By}.",
                new { outcome = done.Outcome.ToString().ToLowerInvariant(), by = done.By })
            : new BankRefusal("refused_no_entry", "There is no such entry in the review queue.", NotFound: true);

    /// <summary>Entries queued before reversals had their flag carry the reason's words.</summary>
    private static bool IsReversal(BankImportItem item) => item.IsReversal || item.Reason.StartsWith("reversal", StringComparison.Ordinal);

    private Task AuditAsync(string by, string action, BankImportItem item, string? debtorId, object after, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), by, action, $"bank entry {item.Key}",
            JsonSerializer.Serialize(new { item.Reference, item.Amount, item.Currency, item.Payer, item.Suggestions }), JsonSerializer.Serialize(after))
        { DebtorId = debtorId }, cancellationToken);

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
