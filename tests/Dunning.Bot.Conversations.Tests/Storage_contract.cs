using System.Text;
using Dunning.Bot.Conversations.State;

namespace Dunning.Bot.Conversations.Tests;

/// <summary>The <see cref="IStorage"/> contract, checked on <see cref="MemoryStorage"/>.</summary>
public class Storage_contract
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly MemoryStorage _storage = new();

    private static StoreItem Item(string json, string? eTag) => new(Encoding.UTF8.GetBytes(json), eTag);

    private static string Text(StoreItem item) => Encoding.UTF8.GetString(item.Utf8Json.Span);

    [Fact]
    public async Task A_new_item_without_etag_is_created_and_read_back_with_an_etag()
    {
        var written = await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{\"a\":1}", null) }, Ct);

        var read = await _storage.ReadAsync(["k", "missing"], Ct);

        var item = Assert.Single(read).Value;
        Assert.Equal("{\"a\":1}", Text(item));
        Assert.Equal(written["k"], item.ETag);
        Assert.False(string.IsNullOrEmpty(item.ETag));
    }

    [Fact]
    public async Task Creating_a_key_that_exists_throws_a_conflict()
    {
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{}", null) }, Ct);

        var ex = await Assert.ThrowsAsync<StorageConflictException>(() =>
            _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{\"b\":2}", null) }, Ct));

        Assert.Equal("k", ex.Key);
        Assert.Equal("{}", Text((await _storage.ReadAsync(["k"], Ct))["k"]));
    }

    [Fact]
    public async Task A_stale_etag_write_throws_and_keeps_the_newer_value()
    {
        var first = (await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{\"v\":1}", null) }, Ct))["k"];
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{\"v\":2}", first) }, Ct);

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{\"v\":3}", first) }, Ct));

        Assert.Equal("{\"v\":2}", Text((await _storage.ReadAsync(["k"], Ct))["k"]));
    }

    [Fact]
    public async Task The_star_etag_overwrites_whatever_is_stored()
    {
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{\"v\":1}", null) }, Ct);

        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{\"v\":9}", StoreItem.AnyETag), ["new"] = Item("{}", "*") }, Ct);

        var read = await _storage.ReadAsync(["k", "new"], Ct);
        Assert.Equal("{\"v\":9}", Text(read["k"]));
        Assert.True(read.ContainsKey("new"));
    }

    [Fact]
    public async Task A_write_with_an_etag_to_a_missing_key_is_a_conflict()
    {
        await Assert.ThrowsAsync<StorageConflictException>(() =>
            _storage.WriteAsync(new Dictionary<string, StoreItem> { ["gone"] = Item("{}", "17") }, Ct));
        Assert.Equal(0, _storage.Count);
    }

    [Fact]
    public async Task A_batch_with_one_conflict_writes_nothing()
    {
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["taken"] = Item("{}", null) }, Ct);

        await Assert.ThrowsAsync<StorageConflictException>(() => _storage.WriteAsync(
            new Dictionary<string, StoreItem> { ["fresh"] = Item("{}", null), ["taken"] = Item("{}", null) }, Ct));

        Assert.Empty(await _storage.ReadAsync(["fresh"], Ct));
    }

    [Fact]
    public async Task Every_write_gets_a_new_etag()
    {
        var a = (await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{}", null) }, Ct))["k"];
        var b = (await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{}", a) }, Ct))["k"];
        await _storage.DeleteAsync(["k"], Ct);
        var c = (await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{}", null) }, Ct))["k"];

        Assert.Equal(3, new HashSet<string> { a, b, c }.Count);
    }

    [Fact]
    public async Task Delete_removes_keys_and_ignores_missing_ones()
    {
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item("{}", null), ["b"] = Item("{}", null) }, Ct);

        await _storage.DeleteAsync(["a", "never-existed"], Ct);

        Assert.Equal(["b"], (await _storage.ReadAsync(["a", "b"], Ct)).Keys);
    }

    [Fact]
    public async Task Stored_bytes_are_copies_so_callers_cannot_change_them_afterwards()
    {
        var buffer = Encoding.UTF8.GetBytes("{\"v\":1}");
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new StoreItem(buffer, null) }, Ct);
        buffer[5] = (byte)'7';
        var read = (await _storage.ReadAsync(["k"], Ct))["k"];
        var readBytes = read.Utf8Json.ToArray();
        readBytes[5] = (byte)'8';

        Assert.Equal("{\"v\":1}", Text((await _storage.ReadAsync(["k"], Ct))["k"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Empty_keys_are_rejected(string? key)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _storage.ReadAsync([key!], Ct));
    }

    [Fact]
    public async Task Oversized_keys_are_rejected()
    {
        var key = new string('k', IStorage.MaxKeyLength + 1);

        await Assert.ThrowsAsync<ArgumentException>(() => _storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = Item("{}", null) }, Ct));
    }

    [Fact]
    public async Task Keys_are_case_sensitive()
    {
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { ["Key"] = Item("{}", null) }, Ct);

        Assert.Empty(await _storage.ReadAsync(["key"], Ct));
    }
}
