using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>Invoices in LiteDB, keyed by number, indexed by debtor; batches are one transaction.</summary>
public sealed class LiteInvoiceStore(LiteDbContext context) : LiteStore<Invoice>(context, LiteDbContext.Invoices), IInvoiceStore
{
    private readonly LiteDbContext context = context;

    public Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken) => FindByIdAsync(number, cancellationToken);

    public Task<IReadOnlyList<Invoice>> FindManyAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
        FindManyByIdAsync(numbers, cancellationToken);

    public Task<IReadOnlyList<Invoice>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        FindManyAsync(Queries.Eq("DebtorId", debtorId), cancellationToken);

    public Task<IReadOnlyList<Invoice>> ListByDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken) =>
        FindInAsync("DebtorId", debtorIds, cancellationToken);

    public Task SaveAsync(Invoice invoice, CancellationToken cancellationToken) => SaveEntityAsync(invoice, cancellationToken);

    public Task SaveBatchAsync(IReadOnlyList<Debtor> debtors, IReadOnlyList<Invoice> invoices, IReadOnlyList<DunningCase> cases,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtors);
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(cases);
        cancellationToken.ThrowIfCancellationRequested();
        VersionedWrites.InTransaction(Database, () =>
        {
            VersionedWrites.WriteMany(context.Collection(LiteDbContext.Debtors), debtors, DebtorDocument.ToBson, d => d.Version);
            VersionedWrites.WriteMany(Collection, invoices, InvoiceDocument.ToBson, i => i.Version);
            VersionedWrites.WriteMany(context.Collection(LiteDbContext.Cases), cases, CaseDocument.ToBson, c => c.Version);
        });
        foreach (var debtor in debtors)
            debtor.Version++;
        foreach (var invoice in invoices)
            invoice.Version++;
        foreach (var dunningCase in cases)
            dunningCase.Version++;
        return Task.CompletedTask;
    }

    private protected override BsonDocument ToBson(Invoice entity) => InvoiceDocument.ToBson(entity);

    private protected override Invoice FromBson(BsonDocument document) => InvoiceDocument.FromBson(document);

    private protected override int VersionOf(Invoice entity) => entity.Version;

    private protected override void SetVersion(Invoice entity, int version) => entity.Version = version;
}
