using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>Invoices in PostgreSQL, keyed by number, indexed by debtor; a batch (an import) is one transaction.</summary>
public sealed class PostgreSqlInvoiceStore(PostgreSqlDatabase database) : PostgreSqlDocumentStore<Invoice>(database, PostgreSqlTables.Invoices), IInvoiceStore
{
    public Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken) => FindByIdAsync(number, cancellationToken);

    public Task<IReadOnlyList<Invoice>> FindManyAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
        FindManyByIdAsync(numbers, cancellationToken);

    public Task<IReadOnlyList<Invoice>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        WhereAsync("WHERE debtor_id = $1 ORDER BY number", [debtorId], cancellationToken);

    public async Task<IReadOnlyList<Invoice>> ListByDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtorIds);
        return debtorIds.Count == 0 ? [] : await WhereAsync("WHERE debtor_id = ANY($1)", [debtorIds.ToArray()], cancellationToken).ConfigureAwait(false);
    }

    public Task SaveAsync(Invoice invoice, CancellationToken cancellationToken) => SaveEntityAsync(invoice, cancellationToken);

    public async Task SaveBatchAsync(IReadOnlyList<Debtor> debtors, IReadOnlyList<Invoice> invoices, IReadOnlyList<DunningCase> cases,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtors);
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(cases);
        await Database.WriteAsync(false, async (connection, transaction) =>
        {
            await PostgreSqlTables.Debtors.WriteAsync(connection, transaction, debtors, cancellationToken).ConfigureAwait(false);
            await PostgreSqlTables.Invoices.WriteAsync(connection, transaction, invoices, cancellationToken).ConfigureAwait(false);
            await PostgreSqlTables.Cases.WriteAsync(connection, transaction, cases, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        PostgreSqlTables.Debtors.Advance(debtors);
        PostgreSqlTables.Invoices.Advance(invoices);
        PostgreSqlTables.Cases.Advance(cases);
    }
}
