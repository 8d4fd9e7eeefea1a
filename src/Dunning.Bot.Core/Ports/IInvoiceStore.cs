using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>
/// Invoices by number (unique) and by debtor. Versioned saves as in <see cref="IDebtorStore"/>.
/// <see cref="SaveBatchAsync"/> writes all or nothing (one transaction).
/// </summary>
public interface IInvoiceStore
{
    Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken);

    /// <summary>The stored invoices among <paramref name="numbers"/> (missing ones are left out), in one round trip.</summary>
    Task<IReadOnlyList<Invoice>> FindManyAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken);

    Task<IReadOnlyList<Invoice>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken);

    /// <summary>
    /// The invoices of all of <paramref name="debtorIds"/> (any order; group by <see cref="Invoice.DebtorId"/>). Stores that
    /// can load them in one go override this; the default asks once per debtor.
    /// </summary>
    async Task<IReadOnlyList<Invoice>> ListByDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtorIds);
        var all = new List<Invoice>();
        foreach (var id in debtorIds)
            all.AddRange(await ListByDebtorAsync(id, cancellationToken).ConfigureAwait(false));
        return all;
    }

    Task SaveAsync(Invoice invoice, CancellationToken cancellationToken);

    /// <summary>
    /// Saves debtors, invoices and their cases in one transaction, each with its version check: either every
    /// document is written (and every Version incremented) or none is (<see cref="ConcurrencyConflictException"/>).
    /// </summary>
    Task SaveBatchAsync(IReadOnlyList<Debtor> debtors, IReadOnlyList<Invoice> invoices, IReadOnlyList<DunningCase> cases,
        CancellationToken cancellationToken);
}
