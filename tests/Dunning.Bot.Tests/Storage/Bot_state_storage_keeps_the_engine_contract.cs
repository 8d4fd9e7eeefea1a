using System.Text;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage;

/// <summary>LiteBotStorage against the IStorage contract (create-only, stale eTag, "*", all-or-nothing batches, reopening).</summary>
public sealed class Bot_state_storage_keeps_the_engine_contract : IDisposable
{
    private readonly TempDatabase temp = new();
    private LiteDbContext context;
    private LiteBotStorage storage;

    public Bot_state_storage_keeps_the_engine_contract()
    {
        context = temp.Open();
        storage = new LiteBotStorage(context);
    }

    public void Dispose()
    {
        context.Dispose();
        temp.Dispose();
    }

    private static StoreItem Item(string json, string? eTag) => new(Encoding.UTF8.GetBytes(json), eTag);

    private Task<IReadOnlyDictionary<string, string>> WriteAsync(params (string Key, StoreItem Item)[] items) =>
        storage.WriteAsync(items.ToDictionary(i => i.Key, i => i.Item, StringComparer.Ordinal), CancellationToken.None);

    private async Task<string?> JsonOf(string key) =>
        (await storage.ReadAsync([key], CancellationToken.None)).TryGetValue(key, out var item) ? Encoding.UTF8.GetString(item.Utf8Json.Span) : null;

    [Fact]
    public async Task A_null_etag_creates_but_never_overwrites()
    {
        await WriteAsync(("a", Item("{\"v\":1}", null)));
        await Assert.ThrowsAsync<StorageConflictException>(() => WriteAsync(("a", Item("{\"v\":2}", null))));
        Assert.Equal("{\"v\":1}", await JsonOf("a"));
    }

    [Fact]
    public async Task A_stale_etag_write_throws_and_the_current_one_succeeds()
    {
        var first = (await WriteAsync(("a", Item("{\"v\":1}", null))))["a"];
        var second = (await WriteAsync(("a", Item("{\"v\":2}", first))))["a"];
        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<StorageConflictException>(() => WriteAsync(("a", Item("{\"v\":3}", first))));
        Assert.Equal("{\"v\":2}", await JsonOf("a"));
        var read = await storage.ReadAsync(["a"], CancellationToken.None);
        Assert.Equal(second, read["a"].ETag);
    }

    [Fact]
    public async Task An_etag_for_a_missing_key_is_a_conflict()
    {
        await Assert.ThrowsAsync<StorageConflictException>(() => WriteAsync(("missing", Item("{}", "some-etag"))));
        Assert.Null(await JsonOf("missing"));
    }

    [Fact]
    public async Task Star_writes_unconditionally()
    {
        await WriteAsync(("a", Item("{\"v\":1}", StoreItem.AnyETag)));
        await WriteAsync(("a", Item("{\"v\":2}", StoreItem.AnyETag)));
        Assert.Equal("{\"v\":2}", await JsonOf("a"));
    }

    [Fact]
    public async Task A_batch_with_one_conflict_writes_nothing()
    {
        var eTag = (await WriteAsync(("a", Item("{\"v\":1}", null))))["a"];
        await Assert.ThrowsAsync<StorageConflictException>(() => WriteAsync(
            ("a", Item("{\"v\":2}", eTag)),
            ("b", Item("{\"v\":1}", null)),
            ("c", Item("{\"v\":1}", "stale"))));
        Assert.Equal("{\"v\":1}", await JsonOf("a"));
        Assert.Null(await JsonOf("b"));
        Assert.Null(await JsonOf("c"));
    }

    [Fact]
    public async Task Etags_are_never_reused_for_a_key_even_after_delete()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(seen.Add((await WriteAsync(("a", Item("{}", null))))["a"]));
            await storage.DeleteAsync(["a", "never-there"], CancellationToken.None);
        }
        Assert.Null(await JsonOf("a"));
    }

    [Fact]
    public async Task Keys_are_case_sensitive_and_bytes_are_copied()
    {
        var buffer = Encoding.UTF8.GetBytes("{\"v\":1}");
        await WriteAsync(("Key", new StoreItem(buffer, null)));
        buffer[5] = (byte)'9';
        Assert.Null(await JsonOf("key"));
        Assert.Equal("{\"v\":1}", await JsonOf("Key"));
    }

    [Fact]
    public async Task Oversized_or_empty_keys_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync((new string('k', IStorage.MaxKeyLength + 1), Item("{}", null))));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.ReadAsync([""], CancellationToken.None));
    }

    [Fact]
    public async Task State_survives_reopening_the_file()
    {
        var eTag = (await WriteAsync(("webchat/conversations/c1", Item("{\"DialogState\":{}}", null))))["webchat/conversations/c1"];
        context.Dispose();
        context = temp.Open();
        storage = new LiteBotStorage(context);
        var read = await storage.ReadAsync(["webchat/conversations/c1"], CancellationToken.None);
        Assert.Equal(eTag, read["webchat/conversations/c1"].ETag);
        Assert.Equal("{\"DialogState\":{}}", Encoding.UTF8.GetString(read["webchat/conversations/c1"].Utf8Json.Span));
    }

    [Fact]
    public async Task Concurrent_writers_with_the_same_etag_let_exactly_one_win()
    {
        var eTag = (await WriteAsync(("a", Item("{\"v\":0}", null))))["a"];
        var attempts = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await WriteAsync(("a", Item($"{{\"v\":{i}}}", eTag)));
                return true;
            }
            catch (StorageConflictException)
            {
                return false;
            }
        }));
        Assert.Single(await Task.WhenAll(attempts), won => won);
    }
}
