using Dunning.Bot.Channels.WebChat;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// <see cref="ISigningKeyStore"/>: the first key stored under an id is the key for good — later candidates, racing
/// hosts and restarts all get it; other ids are independent.
/// </summary>
public abstract class SigningKeyStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private ISigningKeyStore Store => Get<ISigningKeyStore>();

    [ContractFact]
    public void The_first_candidate_is_kept_and_returned_ever_after()
    {
        byte[] first = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

        Assert.Equal(first, Store.GetOrAdd("token-signing", first));
        Assert.Equal(first, Store.GetOrAdd("token-signing", new byte[32]));
        Reopen();
        Assert.Equal(first, Store.GetOrAdd("token-signing", new byte[32]));
    }

    [ContractFact]
    public void Keys_of_different_ids_are_independent()
    {
        Store.GetOrAdd("a", [1, 2, 3]);

        Assert.Equal([9, 9], Store.GetOrAdd("b", [9, 9]));
        Assert.Equal([1, 2, 3], Store.GetOrAdd("a", [7]));
    }

    [ContractFact]
    public async Task Hosts_racing_to_store_a_key_all_get_the_same_one()
    {
        var store = Store;
        var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => store.GetOrAdd("race", [(byte)i, 1, 2, 3]))));

        Assert.Single(keys.Select(Convert.ToHexString).Distinct());
    }

    [ContractFact]
    public void A_missing_id_or_key_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => Store.GetOrAdd(" ", [1]));
        Assert.Throws<ArgumentNullException>(() => Store.GetOrAdd("a", null!));
    }
}
