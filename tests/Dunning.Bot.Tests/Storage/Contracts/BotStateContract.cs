using System.Text;
using Dunning.Bot.Conversations.State;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The engine's <see cref="IStorage"/>: eTags decide every write, a batch is all or nothing.</summary>
public abstract class BotStateContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private static StoreItem Item(string json, string? eTag = null) => new(Encoding.UTF8.GetBytes(json), eTag);

    [ContractFact]
    public async Task What_is_written_is_read_back_with_its_etag_and_missing_keys_are_absent()
    {
        var written = await Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("""{"x":1}""") }, None);

        var read = await SecondHost().BotState.ReadAsync(["a", "missing"], None);

        Assert.Equal(["a"], read.Keys);
        Assert.Equal("""{"x":1}""", Encoding.UTF8.GetString(read["a"].Utf8Json.Span));
        Assert.Equal(written["a"], read["a"].ETag);
    }

    [ContractFact]
    public async Task A_key_is_created_only_once()
    {
        await Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("1") }, None);

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("2") }, None));
        Assert.Equal("1", Encoding.UTF8.GetString((await Storage.BotState.ReadAsync(["a"], None))["a"].Utf8Json.Span));
    }

    [ContractFact]
    public async Task A_stale_etag_is_refused_and_every_write_gets_a_fresh_one()
    {
        var first = (await Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("1") }, None))["a"];
        var second = (await Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("2", first) }, None))["a"];

        Assert.NotEqual(first, second);
        var error = await Assert.ThrowsAsync<StorageConflictException>(
            () => Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("3", first) }, None));
        Assert.Equal("a", error.Key);
        Assert.Equal("2", Encoding.UTF8.GetString((await Storage.BotState.ReadAsync(["a"], None))["a"].Utf8Json.Span));
    }

    [ContractFact]
    public async Task The_any_etag_writes_whatever_is_stored()
    {
        await Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("1") }, None);

        await Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("2", StoreItem.AnyETag), ["b"] = Item("3", StoreItem.AnyETag) }, None);

        var read = await Storage.BotState.ReadAsync(["a", "b"], None);
        Assert.Equal(("2", "3"), (Encoding.UTF8.GetString(read["a"].Utf8Json.Span), Encoding.UTF8.GetString(read["b"].Utf8Json.Span)));
    }

    [ContractFact]
    public async Task A_batch_with_one_stale_key_writes_none_of_it()
    {
        var eTag = (await Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("1") }, None))["a"];
        await Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("2", eTag) }, None);

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.BotState.WriteAsync(
            new Dictionary<string, StoreItem> { ["b"] = Item("new"), ["a"] = Item("stale", eTag) }, None));

        var read = await Storage.BotState.ReadAsync(["a", "b"], None);
        Assert.Equal(["a"], read.Keys);
        Assert.Equal("2", Encoding.UTF8.GetString(read["a"].Utf8Json.Span));
    }

    [ContractFact]
    public async Task Deleted_keys_are_gone_and_deleting_a_missing_key_is_harmless()
    {
        await Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("1"), ["b"] = Item("2") }, None);

        await Storage.BotState.DeleteAsync(["a", "never"], None);

        Assert.Equal(["b"], (await Storage.BotState.ReadAsync(["a", "b"], None)).Keys);
    }

    [ContractFact]
    public async Task Keys_compare_ordinally_and_overlong_keys_are_refused()
    {
        await Storage.BotState.WriteAsync(new Dictionary<string, StoreItem> { ["Key"] = Item("1"), ["key"] = Item("2") }, None);

        Assert.Equal(2, (await Storage.BotState.ReadAsync(["Key", "key"], None)).Count);
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.BotState.ReadAsync([new string('k', IStorage.MaxKeyLength + 1)], None));
    }
}
