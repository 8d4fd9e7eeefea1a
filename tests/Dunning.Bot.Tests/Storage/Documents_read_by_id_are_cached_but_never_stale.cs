using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using LiteDB;

namespace Dunning.Bot.Tests.Storage;

/// <summary>
/// The read cache under LiteDB (CachingLiteEngine): links, bot state, debtors and cases read by id (and a debtor's invoices) come from memory
/// while nothing wrote them — and any write of the process, through a store, a raw collection, a predicate update, a
/// committed or a rolled-back transaction, is seen by the very next read. A shared file and a capacity of 0 have none.
/// The checks of a commit (a link's version, bot state's eTag) read the cache when no write of the document is in
/// flight and the file while one is (this transaction's own included), so racing versioned saves still let exactly one
/// win; an id read and not found is remembered as absent until it is written.
/// </summary>
public sealed class Documents_read_by_id_are_cached_but_never_stale : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase temp = new();
    private readonly LiteDbContext context;
    private readonly LiteConversationStore links;

    public Documents_read_by_id_are_cached_but_never_stale()
    {
        context = temp.Open();
        links = new LiteConversationStore(context);
    }

    public void Dispose()
    {
        context.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task A_second_read_of_an_unchanged_link_is_served_from_memory()
    {
        await links.SaveAsync(NewLink("1"), None);

        var first = Read("1");
        var second = Read("1");

        Assert.NotNull(first);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_link_saved_through_the_store_is_read_back_as_saved()
    {
        var link = NewLink("1");
        await links.SaveAsync(link, None);
        await links.FindAsync(link.Key, None);

        link.Language = "en";
        await links.SaveAsync(link, None);

        var read = await links.FindAsync(link.Key, None);
        Assert.Equal(("en", 2), (read!.Language, read.Version));
    }

    [Fact]
    public async Task A_raw_write_past_the_stores_is_seen_by_the_next_read()
    {
        await links.SaveAsync(NewLink("1"), None);
        Assert.Equal(HandoffState.Bot, (await links.FindAsync(Key("1"), None))!.Handoff);

        var raw = context.Database.GetCollection(LiteConversationStore.CollectionName);
        var document = raw.FindById(Key("1"));
        document["Handoff"] = nameof(HandoffState.Human);
        raw.Update(document);

        Assert.Equal(HandoffState.Human, (await links.FindAsync(Key("1"), None))!.Handoff);
    }

    [Fact]
    public async Task A_predicate_update_and_a_delete_are_seen_by_the_next_read()
    {
        await links.SaveAsync(NewLink("1"), None);
        await links.SaveAsync(NewLink("2"), None);
        Assert.NotNull(Read("1"));
        Assert.NotNull(Read("2"));
        var raw = context.Database.GetCollection(LiteConversationStore.CollectionName);

        raw.UpdateMany("{ Language: 'fr' }", "_id != null");
        raw.Delete(Key("2"));

        Assert.Equal("fr", (await links.FindAsync(Key("1"), None))!.Language);
        Assert.Null(await links.FindAsync(Key("2"), None));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_the_stored_document_visible()
    {
        await links.SaveAsync(NewLink("1"), None);
        Assert.NotNull(Read("1"));
        var raw = context.Database.GetCollection(LiteConversationStore.CollectionName);

        Assert.True(context.Database.BeginTrans());
        var changed = raw.FindById(Key("1"));
        changed["Language"] = "fr";
        raw.Update(changed);
        Assert.True(context.Database.Rollback());

        Assert.Equal("de", (await links.FindAsync(Key("1"), None))!.Language);
    }

    [Fact]
    public async Task Bot_state_written_by_a_committed_turn_is_read_with_its_new_etag()
    {
        var storage = new LiteBotStorage(context);
        var first = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["state/1"] = new("{\"a\":1}"u8.ToArray(), null) }, None);
        Assert.Equal(first["state/1"], (await storage.ReadAsync(["state/1"], None))["state/1"].ETag);

        string eTag;
        using (var unit = context.BeginUnitOfWork())
        {
            eTag = (await storage.WriteAsync(new Dictionary<string, StoreItem> { ["state/1"] = new("{\"a\":2}"u8.ToArray(), first["state/1"]) }, None))["state/1"];
            await unit.CommitAsync(None);
        }

        var read = (await storage.ReadAsync(["state/1"], None))["state/1"];
        Assert.Equal((eTag, "{\"a\":2}"), (read.ETag, System.Text.Encoding.UTF8.GetString(read.Utf8Json.Span)));
    }

    [Fact]
    public async Task Readers_racing_a_writer_never_see_a_version_older_than_one_they_saw()
    {
        var link = NewLink("1");
        await links.SaveAsync(link, None);
        const int Saves = 300;
        var writer = Task.Run(async () =>
        {
            for (var n = 0; n < Saves; n++)
                await links.SaveAsync(link, None);
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var seen = 0;
            while (!writer.IsCompleted)
            {
                var version = (await links.FindAsync(link.Key, None))!.Version;
                Assert.True(version >= seen, $"read version {version} after {seen}");
                seen = version;
            }
        })).ToList();

        await Task.WhenAll([writer, .. readers]);

        Assert.Equal(Saves + 1, (await links.FindAsync(link.Key, None))!.Version);
    }

    [Fact]
    public async Task A_debtors_invoices_are_listed_anew_after_any_invoice_was_written()
    {
        var invoices = new LiteInvoiceStore(context);
        await invoices.SaveAsync(Samples.Invoice("RE-1", "D-1"), None);
        Assert.Single(await invoices.ListByDebtorAsync("D-1", None));
        Assert.Single(await invoices.ListByDebtorAsync("D-1", None));

        await invoices.SaveAsync(Samples.Invoice("RE-2", "D-1"), None);
        Assert.Equal(2, (await invoices.ListByDebtorAsync("D-1", None)).Count);

        context.Database.GetCollection(LiteDbContext.Invoices).Delete("RE-1");
        Assert.Equal("RE-2", Assert.Single(await invoices.ListByDebtorAsync("D-1", None)).Number);
    }

    [Theory]
    [InlineData(StorageConnection.Shared, 10_000)]
    [InlineData(StorageConnection.Direct, 0)]
    public async Task A_shared_file_or_a_capacity_of_zero_reads_every_time(StorageConnection connection, int capacity)
    {
        using var other = new TempDatabase();
        using var uncached = new LiteDbContext(new StorageOptions { Path = other.Path, Connection = connection, CachedDocuments = capacity });
        await new LiteConversationStore(uncached).SaveAsync(NewLink("1"), None);

        var collection = uncached.Collection(LiteConversationStore.CollectionName);
        Assert.NotSame(uncached.FindById(LiteConversationStore.CollectionName, collection, Key("1")),
            uncached.FindById(LiteConversationStore.CollectionName, collection, Key("1")));
    }

    [Fact]
    public async Task A_check_inside_a_transaction_gets_the_cached_document()
    {
        await links.SaveAsync(NewLink("1"), None);
        var cached = context.FindById(LiteConversationStore.CollectionName, Collection, Key("1"));

        var locked = InTransaction(() => context.FindByIdLocked(LiteConversationStore.CollectionName, Collection, Key("1")));

        Assert.NotNull(cached);
        Assert.Same(cached, locked);
    }

    [Fact]
    public async Task A_check_after_this_transactions_own_write_reads_that_write()
    {
        await links.SaveAsync(NewLink("1"), None);
        Assert.NotNull(context.FindById(LiteConversationStore.CollectionName, Collection, Key("1")));

        var locked = InTransaction(() =>
        {
            var changed = Collection.FindById(Key("1"));
            changed["Language"] = "fr";
            Collection.Update(changed);
            return context.FindByIdLocked(LiteConversationStore.CollectionName, Collection, Key("1"));
        });

        Assert.Equal("fr", locked!["Language"].AsString);
    }

    [Fact]
    public async Task An_id_not_found_is_remembered_as_absent_until_it_is_written()
    {
        Assert.Null(await links.FindAsync(Key("1"), None));
        Assert.Null(InTransaction(() => context.FindByIdLocked(LiteConversationStore.CollectionName, Collection, Key("1"))));

        await links.SaveAsync(NewLink("1"), None);

        Assert.NotNull(await links.FindAsync(Key("1"), None));
        Assert.NotNull(InTransaction(() => context.FindByIdLocked(LiteConversationStore.CollectionName, Collection, Key("1"))));
    }

    [Fact]
    public async Task Racing_saves_of_one_version_let_exactly_one_win_each_round()
    {
        await links.SaveAsync(NewLink("1"), None);
        for (var round = 1; round <= 40; round++)
        {
            var stored = (await links.FindAsync(Key("1"), None))!;
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
            {
                var mine = (await links.FindAsync(Key("1"), None))!;
                mine.Version = stored.Version;
                mine.Language = n % 2 == 0 ? "de" : "en";
                try
                {
                    // Half commit a turn's unit of work, half save on their own (not queued behind the units' commits).
                    if (n % 2 == 1)
                    {
                        await links.SaveAsync(mine, None);
                        return true;
                    }
                    using var unit = context.BeginUnitOfWork();
                    await links.SaveAsync(mine, None);
                    await unit.CommitAsync(None);
                    return true;
                }
                catch (ConcurrencyConflictException)
                {
                    return false;
                }
            })));

            Assert.Equal(1, outcomes.Count(won => won));
            Assert.Equal(stored.Version + 1, (await links.FindAsync(Key("1"), None))!.Version);
        }
    }

    private ILiteCollection<BsonDocument> Collection => context.Collection(LiteConversationStore.CollectionName);

    /// <summary>What <paramref name="read"/> returns inside a transaction of this thread, rolled back afterwards.</summary>
    private T InTransaction<T>(Func<T> read)
    {
        Assert.True(context.Database.BeginTrans());
        try
        {
            return read();
        }
        finally
        {
            context.Database.Rollback();
        }
    }

    private BsonDocument? Read(string id) =>
        context.FindById(LiteConversationStore.CollectionName, context.Collection(LiteConversationStore.CollectionName), Key(id));

    private static string Key(string id) => ConversationLink.KeyFor("webchat", id);

    private static ConversationLink NewLink(string id) => new()
    {
        Key = Key(id),
        Channel = "webchat",
        Reference = new ConversationReference { ChannelId = "webchat", Conversation = new ConversationAccount(id) },
    };
}
