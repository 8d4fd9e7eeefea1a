using Dunning.Bot.Banking;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// Batch booking on a LiteDB file (Banking:BookingBatchSize 2): the process dies while the second batch is written.
/// Every batch is one transaction (invoices and case entries together; that LiteDB batch is all or nothing is tested with the
/// store), so the first is booked with its case entries and the second not at all; importing the
/// same file again books what is missing, reports the rest as already booked, and no payment or case entry is there twice.
/// </summary>
public sealed class An_import_cut_short_is_completed_by_importing_again : IDisposable
{
    private readonly TempDatabase temp = new();

    private ServiceProvider Services(int crashAtBatch)
    {
        var services = BankingServices.Create(temp.Path, new() { ["Banking:BookingBatchSize"] = "2" });
        services.AddSingleton<LiteInvoiceStore>();
        services.AddSingleton<IInvoiceStore>(sp => new CrashingInvoiceStore(sp.GetRequiredService<LiteInvoiceStore>(), crashAtBatch));
        return services.BuildServiceProvider();
    }

    private static string Statement() => Camt053(
        new Camt("R-1", 100m, Unstructured("Eins GmbH", "RE-1")),
        new Camt("R-2", 100m, Unstructured("Zwei GmbH", "RE-2")),
        // One transfer for two invoices: both parts belong to one batch, never one booked and the other lost.
        new Camt("R-3", 200m, Unstructured("Drei GmbH", "RE-3 RE-4")),
        new Camt("R-4", 100m, Unstructured("Eins GmbH", "RE-5")));

    private static async Task SeedAsync(IServiceProvider services)
    {
        var debtors = new[] { "Eins GmbH", "Zwei GmbH", "Drei GmbH" }.Select((name, i) => new Debtor
        {
            Id = $"D-{i + 1}", Name = name, TimeZone = "Europe/Berlin", Country = "DE", Kind = DebtorKind.Business, AccessCode = $"AC-{i}", LinkToken = $"LT-{i}",
        }).ToList();
        var owner = new[] { "D-1", "D-2", "D-3", "D-3", "D-1" };
        var invoices = owner.Select((d, i) => Invoice.Create($"RE-{i + 1}", d, new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 20), "EUR", 100m)).ToList();
        await services.GetRequiredService<IInvoiceStore>().SaveBatchAsync(debtors, invoices, [], CancellationToken.None);
    }

    [Fact]
    public async Task The_first_batch_stays_booked_and_the_second_import_books_only_the_rest()
    {
        BankImportReport second;
        using (var crashing = Services(crashAtBatch: 2))
        {
            await SeedAsync(crashing);
            var importer = crashing.GetRequiredService<BankImporter>();
            await Assert.ThrowsAsync<IOException>(() => importer.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Statement())), false, CancellationToken.None));
            var invoices = crashing.GetRequiredService<IInvoiceStore>();
            Assert.Equal([100m, 100m, 0m, 0m, 0m], await PaidAsync(invoices));
        }
        using (var restarted = Services(crashAtBatch: 0))
        {
            second = await restarted.GetRequiredService<BankImporter>().ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Statement())), false, CancellationToken.None);
            Assert.Equal([100m, 100m, 100m, 100m, 100m], await PaidAsync(restarted.GetRequiredService<IInvoiceStore>()));
            var cases = restarted.GetRequiredService<ICaseStore>();
            var payments = (await cases.ListAsync(CancellationToken.None)).SelectMany(c => c.History).Where(a => a.Kind == CaseActionKinds.Payment).ToList();
            Assert.Equal(5, payments.Count);
            Assert.Equal(5, payments.Select(a => (a.Summary, a.InvoiceNumbers![0])).Distinct().Count());
        }
        Assert.Equal(["R-1", "R-2"], second.AlreadyBooked.Select(i => i.Reference!));
        Assert.Equal(["R-3", "R-3", "R-4"], second.Booked.Select(b => b.Reference));
    }

    private static async Task<decimal[]> PaidAsync(IInvoiceStore invoices) =>
        [.. (await invoices.FindManyAsync(["RE-1", "RE-2", "RE-3", "RE-4", "RE-5"], CancellationToken.None)).OrderBy(i => i.Number, StringComparer.Ordinal).Select(i => i.Paid)];

    public void Dispose() => temp.Dispose();

    /// <summary>The LiteDB store, except that the <c>crashAt</c>-th booking batch fails as a dying process would (its transaction never commits).</summary>
    private sealed class CrashingInvoiceStore(LiteInvoiceStore inner, int crashAt) : IInvoiceStore
    {
        private int batches;

        public Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken) => inner.FindAsync(number, cancellationToken);

        public Task<IReadOnlyList<Invoice>> FindManyAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) => inner.FindManyAsync(numbers, cancellationToken);

        public Task<IReadOnlyList<Invoice>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) => inner.ListByDebtorAsync(debtorId, cancellationToken);

        public Task<IReadOnlyList<Invoice>> ListByDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken) => inner.ListByDebtorsAsync(debtorIds, cancellationToken);

        public Task SaveAsync(Invoice invoice, CancellationToken cancellationToken) => inner.SaveAsync(invoice, cancellationToken);

        public Task SaveBatchAsync(IReadOnlyList<Debtor> debtors, IReadOnlyList<Invoice> invoices, IReadOnlyList<DunningCase> cases, CancellationToken cancellationToken)
        {
            if (invoices.Any(i => i.Payments.Count > 0) && ++batches == crashAt)
                throw new IOException("The disk failed while the batch was written.");
            return inner.SaveBatchAsync(debtors, invoices, cases, cancellationToken);
        }
    }
}
