using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>Read-modify-write of a debtor's case, creating it when missing and retrying on a concurrent change.</summary>
public static class CaseStoreExtensions
{
    /// <summary>
    /// Applies <paramref name="change"/> to the debtor's case (a new one if none) and saves it. On a
    /// <see cref="ConcurrencyConflictException"/> the case is re-read and the change applied again (<see cref="ConflictRetry"/>), so
    /// the change must be safe to repeat on fresh data.
    /// </summary>
    public static async Task<DunningCase> UpdateAsync(this ICaseStore store, string debtorId, Action<DunningCase> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await ConflictRetry.UpdateAsync(
            async ct => await store.FindAsync(debtorId, ct) ?? new DunningCase { DebtorId = debtorId }, store.SaveAsync, change, cancellationToken))!;
    }

    /// <summary>Asks the scheduler to look at the case again now (new or changed invoices).</summary>
    public static Task<DunningCase> TouchAsync(this ICaseStore store, string debtorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.UpdateAsync(debtorId, c => c.NextActionAt = c.NextActionAt is { } next && next < now ? next : now, cancellationToken);

    /// <summary>Adds an entry to the case history and asks the scheduler to re-evaluate.</summary>
    public static Task<DunningCase> RecordAsync(this ICaseStore store, string debtorId, DateTimeOffset now, string kind, string summary,
        IReadOnlyList<string>? invoiceNumbers, string actor, CancellationToken cancellationToken) =>
        store.UpdateAsync(debtorId, c =>
        {
            c.Record(new CaseAction(now, kind, summary, InvoiceNumbers: invoiceNumbers, Actor: actor));
            c.NextActionAt = now;
        }, cancellationToken);
}
