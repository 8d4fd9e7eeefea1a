using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>Read-modify-write of a debtor, retrying when the owner's API or another turn changed it meanwhile.</summary>
public static class DebtorStoreExtensions
{
    private const int Attempts = 5;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored debtor and saves it; on a <see cref="ConcurrencyConflictException"/>
    /// re-reads and applies it again (so it must be safe to repeat). Returns null when the debtor does not exist.
    /// </summary>
    public static async Task<Debtor?> UpdateAsync(this IDebtorStore store, string debtorId, Action<Debtor> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var debtor = await store.FindAsync(debtorId, cancellationToken);
            if (debtor is null)
                return null;
            change(debtor);
            try
            {
                await store.SaveAsync(debtor, cancellationToken);
                return debtor;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
            }
        }
    }
}
