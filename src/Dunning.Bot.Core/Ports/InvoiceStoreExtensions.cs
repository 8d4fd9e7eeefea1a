using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>Read-modify-write of one invoice, retrying on a concurrent change.</summary>
public static class InvoiceStoreExtensions
{
    /// <summary>
    /// Applies <paramref name="change"/> to the stored invoice and saves it; null when the invoice does not exist. On a
    /// <see cref="ConcurrencyConflictException"/> the invoice is re-read and the change applied again, so the change must
    /// be safe to repeat on fresh data.
    /// </summary>
    public static async Task<Invoice?> UpdateAsync(this IInvoiceStore store, string number, Action<Invoice> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        return await ConflictRetry.UpdateAsync(ct => store.FindAsync(number, ct), store.SaveAsync, change, cancellationToken);
    }
}
