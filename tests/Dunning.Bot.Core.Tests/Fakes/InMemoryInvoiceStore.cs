using System.Collections.Concurrent;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>An <see cref="IInvoiceStore"/> in a dictionary, with the port's version check on save.</summary>
internal sealed class InMemoryInvoiceStore : IInvoiceStore
{
    private readonly ConcurrentDictionary<string, Invoice> invoices = new(StringComparer.Ordinal);

    public InMemoryInvoiceStore Add(params Invoice[] added)
    {
        foreach (var invoice in added)
            invoices[invoice.Number] = invoice;
        return this;
    }

    public Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken) =>
        Task.FromResult(invoices.GetValueOrDefault(number));

    public Task<IReadOnlyList<Invoice>> FindManyAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Invoice>>([.. numbers.Select(n => invoices.GetValueOrDefault(n)).OfType<Invoice>()]);

    public Task<IReadOnlyList<Invoice>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Invoice>>([.. invoices.Values.Where(i => i.DebtorId == debtorId)]);

    public Task SaveAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        lock (invoices)
        {
            if (invoices.TryGetValue(invoice.Number, out var stored) && stored.Version != invoice.Version)
                throw new ConcurrencyConflictException($"Invoice {invoice.Number} changed (version {stored.Version}, given {invoice.Version}).");
            invoice.Version++;
            invoices[invoice.Number] = invoice;
        }
        return Task.CompletedTask;
    }

    /// <summary>Invoices only (the invoice-question tests need no debtors or cases here).</summary>
    public async Task SaveBatchAsync(IReadOnlyList<Debtor> debtors, IReadOnlyList<Invoice> invoices, IReadOnlyList<DunningCase> cases, CancellationToken cancellationToken)
    {
        foreach (var invoice in invoices)
            await SaveAsync(invoice, cancellationToken);
    }
}
