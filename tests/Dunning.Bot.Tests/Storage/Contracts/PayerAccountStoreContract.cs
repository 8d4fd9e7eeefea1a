namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Payer accounts learned from bank imports: each (IBAN, debtor) once, listed per IBAN.</summary>
public abstract class PayerAccountStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    [ContractFact]
    public async Task Each_account_is_learned_once_and_listed_per_iban()
    {
        Assert.Equal(3, await Storage.PayerAccounts.LearnAsync([("DE01", "D-2"), ("DE01", "D-1"), ("DE02", "D-1"), ("DE01", "D-2")], Samples.Moment, None));
        Assert.Equal(0, await SecondHost().PayerAccounts.LearnAsync([("DE01", "D-1")], Samples.Moment, None));
        Assert.Equal(0, await Storage.PayerAccounts.LearnAsync([], Samples.Moment, None));

        var all = await Storage.PayerAccounts.ListAsync(None);

        Assert.Equal(["D-1", "D-2"], all["DE01"]);
        Assert.Equal(["D-1"], all["DE02"]);
    }
}
