using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>Read-modify-write of one invoice, retrying on a concurrent change.</summary>
public static class InvoiceStoreExtensions
{
    private const int Attempts = 5;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored invoice and saves it; null when the invoice does not exist. On a
    /// <see cref="ConcurrencyConflictException"/> the invoice is re-read and the change applied again, so the change must
    /// be safe to repeat on fresh data.
    /// </summary>
    public static async Task<Invoice?> UpdateAsync(this IInvoiceStore store, string number, Action<Invoice> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var invoice = await store.FindAsync(number, cancellationToken);
            if (invoice is null)
                return null;
            change(invoice);
            try
            {
                await store.SaveAsync(invoice, cancellationToken);
                return invoice;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
            }
        }
    }
}
