using Dunning.Bot.Uploads;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Proofs of payment: kept with their file, opened only for their debtor, listed oldest first, deleted and erased.</summary>
public abstract class ProofStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    // LiteDB keeps the receipt time to the millisecond: the contract asks no more.
    private static readonly DateTimeOffset Received = new(2026, 11, 26, 8, 30, 15, 123, TimeSpan.Zero);

    private static ProofFile Proof(string id, string debtorId, int minutes) =>
        new(id, debtorId, ["RE-1"], "E-1", "Überweisung.pdf", "application/pdf", 4, "ab12", "webchat", Received.AddMinutes(minutes));

    [ContractFact]
    public async Task A_proof_opens_with_its_file_for_its_debtor_only()
    {
        await Storage.Proofs.SaveAsync(Proof("p-1", "D-1", 0), [1, 2, 3, 4], None);

        var opened = await SecondHost().Proofs.OpenAsync("D-1", "p-1", None);

        Assert.NotNull(opened);
        Assert.Equal([1, 2, 3, 4], opened.Value.Content);
        Assert.Equal(("Überweisung.pdf", "E-1", Received, "RE-1"), (opened.Value.Proof.Name, opened.Value.Proof.EscalationId, opened.Value.Proof.ReceivedAt, opened.Value.Proof.InvoiceNumbers[0]));
        Assert.Null(await Storage.Proofs.OpenAsync("D-2", "p-1", None));
        Assert.Null(await Storage.Proofs.OpenAsync("D-1", "p-9", None));
    }

    [ContractFact]
    public async Task Proofs_are_counted_listed_oldest_first_deleted_and_erased_per_debtor()
    {
        await Storage.Proofs.SaveAsync(Proof("p-late", "D-1", 5), [1], None);
        await Storage.Proofs.SaveAsync(Proof("p-early", "D-1", 0), [2], None);
        await Storage.Proofs.SaveAsync(Proof("p-other", "D-2", 0), [3], None);

        Assert.Equal(["p-early", "p-late"], (await Storage.Proofs.ListAsync("D-1", None)).Select(p => p.Id));
        Assert.True(await Storage.Proofs.DeleteAsync("p-late", None));
        Assert.False(await Storage.Proofs.DeleteAsync("p-late", None));
        Assert.Equal(1, await Storage.Proofs.EraseAsync("D-1", None));
        Assert.Equal((0, 1), (await Storage.Proofs.CountAsync("D-1", None), await Storage.Proofs.CountAsync("D-2", None)));
    }
}
