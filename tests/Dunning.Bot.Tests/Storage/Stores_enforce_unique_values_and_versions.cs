using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage;

public sealed class Stores_enforce_unique_values_and_versions : IDisposable
{
    private readonly LiteDbContext context = new(new MemoryStream());
    private readonly CancellationToken ct = CancellationToken.None;

    [Fact]
    public async Task A_second_debtor_with_the_same_access_code_is_refused()
    {
        var store = new LiteDebtorStore(context);
        await store.SaveAsync(Samples.Debtor("D-1", accessCode: "K7M2P9QX"), ct);

        var clash = Samples.Debtor("D-2", accessCode: "K7M2P9QX");

        var error = await Assert.ThrowsAsync<UniqueValueException>(() => store.SaveAsync(clash, ct));
        Assert.Contains("AccessCode", error.Message);
        Assert.Null(await store.FindAsync("D-2", ct));
        Assert.Equal(0, clash.Version);
    }

    [Fact]
    public async Task A_second_debtor_with_the_same_link_token_is_refused()
    {
        var store = new LiteDebtorStore(context);
        await store.SaveAsync(Samples.Debtor("D-1"), ct);
        var clash = Samples.Debtor("D-2");
        clash.LinkToken = (await store.FindAsync("D-1", ct))!.LinkToken;

        await Assert.ThrowsAsync<UniqueValueException>(() => store.SaveAsync(clash, ct));
    }

    [Fact]
    public async Task Lookups_by_access_code_and_link_token_are_exact()
    {
        var store = new LiteDebtorStore(context);
        var debtor = Samples.Debtor("D-1", accessCode: "K7M2P9QX");
        await store.SaveAsync(debtor, ct);

        Assert.Equal("D-1", (await store.FindByAccessCodeAsync("K7M2P9QX", ct))?.Id);
        Assert.Equal("D-1", (await store.FindByLinkTokenAsync(debtor.LinkToken, ct))?.Id);
        Assert.Null(await store.FindByLinkTokenAsync(debtor.LinkToken.ToUpperInvariant(), ct));
        Assert.Null(await store.FindByAccessCodeAsync("K7M2P9Q", ct));
    }

    [Fact]
    public async Task Inserting_an_invoice_number_that_exists_is_a_conflict_not_an_overwrite()
    {
        var store = new LiteInvoiceStore(context);
        await store.SaveAsync(Samples.Invoice("RE-1"), ct);
        var second = Invoice.Create("RE-1", "D-9", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), "EUR", 5m);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(second, ct));
        Assert.Equal("D-1", (await store.FindAsync("RE-1", ct))!.DebtorId);
    }

    [Fact]
    public async Task Two_writers_of_the_same_version_the_second_throws_and_the_first_stays()
    {
        var store = new LiteDebtorStore(context);
        await store.SaveAsync(Samples.Debtor("D-1"), ct);
        var first = (await store.FindAsync("D-1", ct))!;
        var second = (await store.FindAsync("D-1", ct))!;
        first.Name = "First";
        second.Name = "Second";

        await store.SaveAsync(first, ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(second, ct));

        var stored = (await store.FindAsync("D-1", ct))!;
        Assert.Equal(("First", 2), (stored.Name, stored.Version));
        Assert.Equal(1, second.Version);
    }

    [Fact]
    public async Task Concurrent_writers_on_many_threads_never_lose_an_update()
    {
        var store = new LiteCaseStore(context);
        await store.SaveAsync(new DunningCase { DebtorId = "D-1" }, ct);
        var written = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            while (true)
            {
                var dunningCase = (await store.FindAsync("D-1", token))!;
                dunningCase.Record(new CaseAction(Samples.Moment, CaseActionKinds.Staff, $"note {i}"));
                try
                {
                    await store.SaveAsync(dunningCase, token);
                    Interlocked.Increment(ref written);
                    return;
                }
                catch (ConcurrencyConflictException)
                {
                    // re-read and retry, as the contract says
                }
            }
        });

        var final = (await store.FindAsync("D-1", ct))!;
        Assert.Equal(200, written);
        Assert.Equal(200, final.History.Count);
        Assert.Equal(201, final.Version);
    }

    [Fact]
    public async Task Saving_a_document_that_was_never_stored_with_a_version_is_a_conflict()
    {
        var store = new LiteEscalationStore(context);
        var ghost = new Escalation { Id = "E-1", DebtorId = "D-1", Reason = EscalationReason.OptOut, Priority = EscalationPriority.Low, RaisedAt = Samples.Moment, Version = 3 };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(ghost, ct));
        Assert.Null(await store.FindAsync("E-1", ct));
    }

    [Fact]
    public async Task A_batch_with_one_stale_document_writes_nothing()
    {
        var invoices = new LiteInvoiceStore(context);
        var debtors = new LiteDebtorStore(context);
        var cases = new LiteCaseStore(context);
        await invoices.SaveAsync(Samples.Invoice("RE-1"), ct);
        var stale = (await invoices.FindAsync("RE-1", ct))!;
        var fresh = (await invoices.FindAsync("RE-1", ct))!;
        fresh.DocumentLink = "changed";
        await invoices.SaveAsync(fresh, ct);
        stale.DocumentLink = "stale";

        var newDebtor = Samples.Debtor("D-7");
        var newCase = new DunningCase { DebtorId = "D-7" };
        var newInvoice = Invoice.Create("RE-2", "D-7", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), "EUR", 5m);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => invoices.SaveBatchAsync([newDebtor], [newInvoice, stale], [newCase], ct));

        Assert.Null(await debtors.FindAsync("D-7", ct));
        Assert.Null(await invoices.FindAsync("RE-2", ct));
        Assert.Null(await cases.FindAsync("D-7", ct));
        Assert.Equal("changed", (await invoices.FindAsync("RE-1", ct))!.DocumentLink);
        Assert.Equal((0, 0, 0), (newDebtor.Version, newInvoice.Version, newCase.Version));
    }

    [Fact]
    public async Task A_batch_writes_debtors_invoices_and_cases_and_moves_their_versions()
    {
        var invoices = new LiteInvoiceStore(context);
        await invoices.SaveAsync(Samples.Invoice("RE-1"), ct);
        var existing = (await invoices.FindAsync("RE-1", ct))!;
        existing.DocumentLink = "v2";
        var debtor = Samples.Debtor("D-1");
        var dunningCase = new DunningCase { DebtorId = "D-1" };

        await invoices.SaveBatchAsync([debtor], [existing, Samples.Invoice("RE-2")], [dunningCase], ct);

        Assert.Equal((2, 1, 1), (existing.Version, debtor.Version, dunningCase.Version));
        Assert.Equal(["RE-1", "RE-2"], (await invoices.ListByDebtorAsync("D-1", ct)).Select(i => i.Number).Order());
        Assert.Equal("v2", (await invoices.FindAsync("RE-1", ct))!.DocumentLink);
        Assert.NotNull(await new LiteCaseStore(context).FindAsync("D-1", ct));
    }

    public void Dispose() => context.Dispose();
}
