using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using LiteDB;

namespace Dunning.Bot.Tests.Storage;

/// <summary>
/// LiteUnitOfWork: a turn's writes (transcript, bot state, conversation link) are checked at once, held back, and
/// committed in one transaction — or, on a conflict or a failed turn, not written at all. Committed means on file.
/// Turns that finish at the same time queue for their commit (CommitAsync: waiting as tasks, not as threads blocked
/// inside LiteDB) and each lands whole; a turn cancelled while it waits writes nothing.
/// </summary>
public sealed class A_turn_commits_once_or_not_at_all : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase temp = new();
    private readonly LiteDbContext context;

    public A_turn_commits_once_or_not_at_all() => context = temp.Open();

    public void Dispose()
    {
        context.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task Nothing_reaches_the_file_before_commit_and_everything_after()
    {
        using (var unit = context.BeginUnitOfWork())
        {
            await WriteTurnAsync("1");
            Assert.Equal(3, unit.PendingCount);
            Assert.Equal((0, 0, 0), Stored());
            unit.Commit();
        }

        Assert.Equal((1, 1, 1), Stored());
        Assert.Null(context.UnitOfWork);
    }

    [Fact]
    public async Task A_turn_that_fails_before_commit_writes_nothing()
    {
        var failing = async () =>
        {
            using var unit = context.BeginUnitOfWork();
            await WriteTurnAsync("1");
            throw new InvalidOperationException("the bot broke");
        };

        await Assert.ThrowsAsync<InvalidOperationException>(failing);
        Assert.Equal((0, 0, 0), Stored());
        await WriteTurnAsync("2");
        Assert.Equal((1, 1, 1), Stored());
    }

    [Fact]
    public async Task A_conflict_found_at_commit_rolls_back_every_write_of_the_turn()
    {
        var unit = context.BeginUnitOfWork();
        await WriteTurnAsync("1");
        // Someone else (the staff console, another host) creates the same link between the check and the commit.
        context.Database.GetCollection(LiteConversationStore.CollectionName).Insert(new BsonDocument { ["_id"] = Key("1"), ["Version"] = 1 });

        Assert.Throws<ConcurrencyConflictException>(unit.Commit);
        Assert.Equal((0, 0, 1), Stored());
        Assert.Equal(0, LiteTranscriptStore.CountEntries(context.Database));
    }

    [Fact]
    public async Task A_stale_etag_still_throws_at_once_inside_a_unit()
    {
        var storage = new LiteBotStorage(context);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{}"u8.ToArray(), null) }, None);
        using var unit = context.BeginUnitOfWork();

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{}"u8.ToArray(), "stale") }, None));
        Assert.Equal(0, unit.PendingCount);
    }

    [Fact]
    public async Task Reads_by_id_see_the_units_own_writes_so_a_second_save_does_not_conflict()
    {
        var links = new LiteConversationStore(context);
        var storage = new LiteBotStorage(context);
        using (var unit = context.BeginUnitOfWork())
        {
            var link = NewLink("1");
            await links.SaveAsync(link, None);
            link.Language = "en";
            await links.SaveAsync(link, None);
            var written = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{\"a\":1}"u8.ToArray(), null) }, None);
            var again = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("{\"a\":2}"u8.ToArray(), written["k"]) }, None);

            Assert.Equal(("en", 2), ((await links.FindAsync(link.Key, None))!.Language, (await links.FindAsync(link.Key, None))!.Version));
            Assert.Equal(again["k"], (await storage.ReadAsync(["k"], None))["k"].ETag);
            unit.Commit();
        }

        var stored = (await links.FindAsync(Key("1"), None))!;
        Assert.Equal(("en", 2), (stored.Language, stored.Version));
        Assert.Equal("{\"a\":2}"u8.ToArray(), (await storage.ReadAsync(["k"], None))["k"].Utf8Json.ToArray());
    }

    [Fact]
    public async Task A_committed_turn_is_on_file_even_if_the_process_dies_right_after()
    {
        using (var unit = context.BeginUnitOfWork())
        {
            await WriteTurnAsync("1");
            unit.Commit();
        }

        // No dispose, no checkpoint: copy the files (data and LiteDB's write-ahead log) as a crash would leave them,
        // and open the copy as a new host would.
        var copy = Path.Combine(temp.Folder, "crash.db");
        Copy(temp.Path, copy);
        Copy(Path.ChangeExtension(temp.Path, null) + "-log.db", Path.ChangeExtension(copy, null) + "-log.db");
        using var reopened = new LiteDbContext(new StorageOptions { Path = copy });

        Assert.NotNull(await new LiteConversationStore(reopened).FindAsync(Key("1"), None));
        Assert.Single(await new LiteTranscriptStore(reopened).ListAsync(Key("1"), null, 10, None));
        Assert.Single(await new LiteBotStorage(reopened).ReadAsync(["state/1"], None));
    }

    [Fact]
    public async Task Forty_turns_committing_at_once_all_land_each_with_all_its_writes()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(n => Task.Run(async () =>
        {
            using var unit = context.BeginUnitOfWork();
            await WriteTurnAsync(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await unit.CommitAsync(None);
        })));

        Assert.Equal((40, 40, 40), Stored());
        Assert.Null(context.UnitOfWork);
    }

    [Fact]
    public async Task A_turn_cancelled_while_it_waits_for_its_commit_writes_nothing()
    {
        using var cancel = new CancellationTokenSource();
        await context.CommitGate.WaitAsync(None);
        Task waiting;
        using (var unit = context.BeginUnitOfWork())
        {
            await WriteTurnAsync("1");
            waiting = unit.CommitAsync(cancel.Token);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }
        context.CommitGate.Release();

        Assert.Equal((0, 0, 0), Stored());
    }

    [Fact]
    public async Task A_unit_without_writes_commits_without_waiting()
    {
        await context.CommitGate.WaitAsync(None);
        using var unit = context.BeginUnitOfWork();

        await unit.CommitAsync(None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(unit.IsOpen);
        context.CommitGate.Release();
    }

    private static void Copy(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var target = File.Create(to);
        source.CopyTo(target);
    }

    private async Task WriteTurnAsync(string id)
    {
        await new LiteTranscriptStore(context).AppendAsync(new TranscriptEntry(Key(id), null, T0, TranscriptDirection.Inbound, "message", "Hallo", "user"), None);
        await new LiteBotStorage(context).WriteAsync(new Dictionary<string, StoreItem> { ["state/" + id] = new("{}"u8.ToArray(), null) }, None);
        await new LiteConversationStore(context).SaveAsync(NewLink(id), None);
    }

    /// <summary>(transcript entries, bot states, links) on file, read past any unit of work.</summary>
    private (int, int, int) Stored() =>
        (LiteTranscriptStore.CountEntries(context.Database),
         context.Database.GetCollection(LiteBotStorage.CollectionName).Count(),
         context.Database.GetCollection(LiteConversationStore.CollectionName).Count());

    private static string Key(string id) => ConversationLink.KeyFor("webchat", id);

    private static ConversationLink NewLink(string id) => new()
    {
        Key = Key(id),
        Channel = "webchat",
        Reference = new ConversationReference { ChannelId = "webchat", Conversation = new ConversationAccount(id) },
    };
}
