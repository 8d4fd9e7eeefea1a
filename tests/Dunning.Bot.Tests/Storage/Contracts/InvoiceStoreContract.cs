using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Invoices: every figure kept, listed by debtor, unique numbers, batches all or nothing.</summary>
public abstract class InvoiceStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    [ContractFact]
    public async Task An_invoice_comes_back_with_lines_payments_pause_and_dispute()
    {
        var invoice = Samples.Invoice();
        await Storage.Invoices.SaveAsync(invoice, None);

        var loaded = (await SecondHost().Invoices.FindAsync(invoice.Number, None))!;

        Assert.Equal((invoice.Total, invoice.Paid, invoice.Currency, invoice.DueDate, invoice.Dispute, invoice.SettledOn, invoice.DocumentLink),
            (loaded.Total, loaded.Paid, loaded.Currency, loaded.DueDate, loaded.Dispute, loaded.SettledOn, loaded.DocumentLink));
        Assert.Equal(invoice.Lines, loaded.Lines);
        Assert.Equal(invoice.Payments, loaded.Payments);
        Assert.Equal(invoice.Pause, loaded.Pause);
        Assert.Equal(1, loaded.Version);
    }

    [ContractFact]
    public async Task Inserting_a_number_that_exists_is_a_conflict_not_an_overwrite()
    {
        await Storage.Invoices.SaveAsync(Samples.Invoice("RE-1"), None);
        var second = Invoice.Create("RE-1", "D-9", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), "EUR", 5m);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Invoices.SaveAsync(second, None));
        Assert.Equal("D-1", (await Storage.Invoices.FindAsync("RE-1", None))!.DebtorId);
    }

    [ContractFact]
    public async Task Invoices_are_listed_by_debtor_and_found_by_number()
    {
        await Storage.Invoices.SaveAsync(Samples.Invoice("RE-1", "D-1"), None);
        await Storage.Invoices.SaveAsync(Samples.Invoice("RE-2", "D-1"), None);
        await Storage.Invoices.SaveAsync(Samples.Invoice("RE-3", "D-2"), None);

        Assert.Equal(["RE-1", "RE-2"], (await Storage.Invoices.ListByDebtorAsync("D-1", None)).Select(i => i.Number).Order(StringComparer.Ordinal));
        Assert.Equal(["RE-1", "RE-2", "RE-3"], (await Storage.Invoices.ListByDebtorsAsync(["D-1", "D-2"], None)).Select(i => i.Number).Order(StringComparer.Ordinal));
        Assert.Equal(["RE-3"], (await Storage.Invoices.FindManyAsync(["RE-3", "RE-9"], None)).Select(i => i.Number));
    }

    [ContractFact]
    public async Task A_batch_with_one_stale_document_writes_nothing_and_moves_no_version()
    {
        await Storage.Invoices.SaveAsync(Samples.Invoice("RE-1"), None);
        var stale = (await Storage.Invoices.FindAsync("RE-1", None))!;
        await Storage.Invoices.UpdateAsync("RE-1", i => i.Dispute = "someone else", None);
        var debtor = Samples.Debtor("D-7");
        var fresh = Samples.Invoice("RE-7", "D-7");
        var dunningCase = new DunningCase { DebtorId = "D-7", NextActionAt = Samples.Moment };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Invoices.SaveBatchAsync([debtor], [fresh, stale], [dunningCase], None));

        Assert.Null(await Storage.Debtors.FindAsync("D-7", None));
        Assert.Null(await Storage.Invoices.FindAsync("RE-7", None));
        Assert.Null(await Storage.Cases.FindAsync("D-7", None));
        Assert.Equal((0, 0, 0), (debtor.Version, fresh.Version, dunningCase.Version));
    }

    [ContractFact]
    public async Task A_clean_batch_writes_debtors_invoices_and_cases_together()
    {
        var debtor = Samples.Debtor("D-7");
        var invoice = Samples.Invoice("RE-7", "D-7");
        var dunningCase = new DunningCase { DebtorId = "D-7", NextActionAt = Samples.Moment };

        await Storage.Invoices.SaveBatchAsync([debtor], [invoice], [dunningCase], None);

        Assert.Equal((1, 1, 1), (debtor.Version, invoice.Version, dunningCase.Version));
        Assert.Equal(Samples.Moment, (await Storage.Cases.FindAsync("D-7", None))!.NextActionAt);
        Assert.NotNull(await Storage.Debtors.FindAsync("D-7", None));
    }
}
