using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>Read-modify-write of a debtor, retrying when the owner's API or another turn changed it meanwhile.</summary>
public static class DebtorStoreExtensions
{
    /// <summary>
    /// Applies <paramref name="change"/> to the stored debtor and saves it; on a <see cref="ConcurrencyConflictException"/>
    /// re-reads and applies it again (so it must be safe to repeat). Returns null when the debtor does not exist.
    /// </summary>
    public static async Task<Debtor?> UpdateAsync(this IDebtorStore store, string debtorId, Action<Debtor> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        return await ConflictRetry.UpdateAsync(ct => store.FindAsync(debtorId, ct), store.SaveAsync, change, cancellationToken);
    }
}
