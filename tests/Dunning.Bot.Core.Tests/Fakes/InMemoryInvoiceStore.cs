using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

public sealed class InMemoryInvoiceStore : IInvoiceStore
{
    private readonly Dictionary<string, Invoice> invoices = new(StringComparer.Ordinal);

    public Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken) => Task.FromResult(invoices.GetValueOrDefault(number));

    public Task<IReadOnlyList<Invoice>> FindManyAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Invoice>>([.. numbers.Distinct().Select(n => invoices.GetValueOrDefault(n)).OfType<Invoice>()]);

    public Task<IReadOnlyList<Invoice>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Invoice>>([.. invoices.Values.Where(i => i.DebtorId == debtorId)]);

    public Task SaveAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        invoice.Version++;
        invoices[invoice.Number] = invoice;
        return Task.CompletedTask;
    }

    public async Task SaveBatchAsync(IReadOnlyList<Debtor> debtors, IReadOnlyList<Invoice> invoices, IReadOnlyList<DunningCase> cases, CancellationToken cancellationToken)
    {
        foreach (var invoice in invoices)
            await SaveAsync(invoice, cancellationToken);
    }
}
