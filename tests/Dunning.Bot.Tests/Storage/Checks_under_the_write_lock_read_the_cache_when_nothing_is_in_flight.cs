using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.LiteDb;
using LiteDB;

namespace Dunning.Bot.Tests.Storage;

/// <summary>
/// The checks of a commit (a link's version, bot state's eTag) read under the write lock: from the read cache when no
/// write of the document is in flight, from the file while one is (this transaction's own write included), so racing
/// versioned saves still let exactly one win. An id read and not found is remembered as absent until it is written.
/// </summary>
public sealed class Checks_under_the_write_lock_read_the_cache_when_nothing_is_in_flight : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase temp = new();
    private readonly LiteDbContext context;
    private readonly LiteConversationStore links;

    public Checks_under_the_write_lock_read_the_cache_when_nothing_is_in_flight()
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

    private static string Key(string id) => ConversationLink.KeyFor("webchat", id);

    private static ConversationLink NewLink(string id) => new()
    {
        Key = Key(id),
        Channel = "webchat",
        Reference = new ConversationReference { ChannelId = "webchat", Conversation = new ConversationAccount(id) },
    };
}
