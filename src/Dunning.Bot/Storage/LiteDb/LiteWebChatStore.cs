using System.Collections.Concurrent;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// <see cref="IWebChatStore"/> in the host's LiteDB file: started conversations and, per conversation, an
/// append-only log of activities (client messages as echoed, bot replies, proactive messages). An activity's
/// id is <c>{conversationId}|{sequence}</c> with a zero-padded sequence, so one primary-key range read serves a
/// poll from a watermark; the watermark is the sequence of the last activity read. Each append is committed
/// before it returns (nothing written behind), and appends to one conversation are serialized. When no other process
/// writes the file (<see cref="LiteDbContext.Exclusive"/>), the activities committed last in a conversation stay in
/// memory with its sequence, so the poll that follows a turn (or a stream waking up) is answered without a query.
/// </summary>
public sealed partial class LiteWebChatStore : IWebChatStore
{
    internal const string Conversations = "webchat_conversations";
    internal const string Activities = "webchat_activities";
    internal const string ClientIds = "webchat_client_ids";

    private readonly LiteDbContext context;
    private readonly LiteDatabase database;
    private readonly ConcurrentDictionary<string, Sequence> sequences = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly bool remember;

    public LiteWebChatStore(LiteDbContext context, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        this.clock = clock ?? TimeProvider.System;
        database = context.Database;
        remember = context.Exclusive;
        ConversationCollection.EnsureIndex("CreatedAt", "$.CreatedAt");
        ClientIdCollection.EnsureIndex("Key", "$.Key", unique: true);
    }

    /// <summary>Conversations whose sequence is held in memory now (for tests and diagnostics).</summary>
    public int ConversationsInMemory => sequences.Count;

    private ILiteCollection<BsonDocument> ConversationCollection => database.GetCollection(Conversations);

    private ILiteCollection<BsonDocument> ActivityCollection => database.GetCollection(Activities);

    // One document per recorded client id: _id the id its activity got (so a conversation's records are one range of the
    // primary key, oldest first), Key "{conversationId}\n{clientActivityId}" (unique).
    private ILiteCollection<BsonDocument> ClientIdCollection => database.GetCollection(ClientIds);

    /// <summary>Records a new conversation of <paramref name="userId"/>.</summary>
    public Task CreateConversationAsync(string conversationId, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ConversationCollection.Insert(new BsonDocument
        {
            ["_id"] = conversationId,
            ["UserId"] = userId,
            ["CreatedAt"] = at.UtcDateTime,
        });
        sequences.TryAdd(conversationId, new Sequence { Loaded = true, LastUsed = Now, Recent = remember ? RecentActivities.After(0) : null });
        return Task.CompletedTask;
    }

    /// <summary>Whether the conversation was started here (and not removed).</summary>
    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (sequences.TryGetValue(conversationId, out var known))
        {
            known.LastUsed = Now;
            return Task.FromResult(true);
        }
        var exists = Guarded(() => ConversationCollection.Exists(Queries.Eq("_id", conversationId)));
        if (exists)
            sequences.TryAdd(conversationId, new Sequence { LastUsed = Now });
        return Task.FromResult(exists);
    }

    /// <summary>
    /// Removes the conversation and its whole activity log, and forgets its in-memory sequence: afterwards it does not
    /// exist (its token gets 404). For expired unbound conversations and for an erased debtor's chats.
    /// </summary>
    public Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (sequences.TryGetValue(conversationId, out var known))
        {
            lock (known)
                known.Recent = null;
        }
        ActivityCollection.DeleteMany(Queries.Between("_id", conversationId + "|", conversationId + "|~"));
        ClientIdCollection.DeleteMany(Queries.Between("_id", conversationId + "|", conversationId + "|~"));
        ConversationCollection.Delete(conversationId);
        sequences.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }

    /// <summary>The ids of conversations started before <paramref name="cutoff"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<string>> ListStartedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<string> ids = [.. ConversationCollection.Find(Query.LT("CreatedAt", cutoff.UtcDateTime), limit: limit).Select(d => d["_id"].AsString)];
        return Task.FromResult(ids);
    }

    /// <summary>
    /// Forgets the in-memory sequence of every conversation not used since <paramref name="cutoff"/>; its next use reads
    /// it back from the file. Returns how many were forgotten.
    /// </summary>
    public int EvictIdle(DateTimeOffset cutoff)
    {
        var evicted = 0;
        foreach (var (id, sequence) in sequences)
        {
            lock (sequence)
            {
                if (sequence.LastUsed < cutoff && sequences.TryRemove(new KeyValuePair<string, Sequence>(id, sequence)))
                    evicted++;
            }
        }
        return evicted;
    }

    /// <summary>
    /// Appends <paramref name="activities"/> in order in one transaction, setting each one's <c>id</c>;
    /// returns the ids. The conversation must exist. Inside a <see cref="LiteUnitOfWork"/> the insert joins it (the ids are
    /// taken now; if the unit is discarded the next append re-reads the last sequence from the file).
    /// </summary>
    public Task<string[]> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        cancellationToken.ThrowIfCancellationRequested();
        var ids = new string[activities.Count];
        while (true)
        {
            var sequence = sequences.GetOrAdd(conversationId, static _ => new Sequence());
            lock (sequence)
            {
                // Evicted or deleted while we waited: take the current entry (or a fresh one read from the file).
                if (!sequences.TryGetValue(conversationId, out var current) || !ReferenceEquals(current, sequence))
                    continue;
                Guarded(() => Append(conversationId, sequence, activities, ids));
            }
            return Task.FromResult(ids);
        }
    }

    private void Append(string conversationId, Sequence sequence, IReadOnlyList<Activity> activities, string[] ids)
    {
        sequence.LastUsed = Now;
        if (!sequence.Loaded)
        {
            sequence.Last = LastSequence(conversationId);
            sequence.Loaded = true;
            // What the file holds now ends the committed log (appends to the conversation wait for this lock).
            sequence.Recent = remember ? RecentActivities.After(sequence.Last) : null;
        }
        var documents = new BsonDocument[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var seq = sequence.Last + 1 + i;
            ids[i] = ActivityId(conversationId, seq);
            activities[i].Id = ids[i];
            documents[i] = new BsonDocument
            {
                ["_id"] = ids[i],
                ["Json"] = ActivityJson.Serialize(activities[i]),
            };
        }
        if (context.UnitOfWork is { } unit)
            Defer(unit, conversationId, sequence, documents);
        else
        {
            Insert(documents);
            Remember(sequence, documents);
        }
        sequence.Last += activities.Count;
    }

    /// <summary>
    /// Joins the insert to the unit: to the one it already holds for this conversation (a turn's echo and its replies
    /// are one insert), else as a new one. A discarded unit makes the next append re-read the last sequence.
    /// </summary>
    private void Defer(LiteUnitOfWork unit, string conversationId, Sequence sequence, BsonDocument[] documents)
    {
        if (unit.Batch<PendingInsert>(this) is { } open && open.ConversationId == conversationId)
            open.Documents.AddRange(documents);
        else
        {
            var pending = new PendingInsert(conversationId, [.. documents]);
            unit.SetBatch(this, pending);
            unit.Defer(() => Insert(pending.Documents));
            unit.OnCommitted(() => Remember(sequence, pending.Documents));
        }
        unit.OnRolledBack(() =>
        {
            lock (sequence)
            {
                sequence.Loaded = false;
                sequence.Recent = null;
            }
        });
    }

    /// <summary>
    /// The activities after <paramref name="watermark"/> (all when null), at most <paramref name="max"/>, as their
    /// stored JSON, with the watermark to poll from next (unchanged when nothing is new).
    /// </summary>
    public Task<ActivityPage> ReadAsync(string conversationId, long? watermark, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (watermark == long.MaxValue)
            return Task.FromResult(new ActivityPage([], long.MaxValue));
        if (sequences.TryGetValue(conversationId, out var sequence))
        {
            lock (sequence)
            {
                if (sequence.Recent?.Page(watermark ?? 0, max) is { } remembered)
                    return Task.FromResult(remembered);
            }
        }
        // One range of the primary key from the first activity after the watermark (the watermark's own activity, the
        // client has it, is not read); And(GT, LT) would scan every later conversation's activities.
        var from = ActivityId(conversationId, (watermark ?? 0) + 1);
        var found = Queries.FindRange(ActivityCollection, from, conversationId + "|~", max);
        var json = new List<string>(found.Count);
        var last = watermark ?? 0;
        foreach (var document in found)
        {
            json.Add(document["Json"].AsString);
            last = SequenceOf(document["_id"].AsString);
        }
        return Task.FromResult(new ActivityPage(json, last));
    }

    /// <summary>The sequence of the conversation's last committed activity (0 when none): a watermark meaning "from now".</summary>
    public Task<long> LastSequenceAsync(string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(LastSequence(conversationId));
    }

    /// <summary>Runs a read or write of a caller that may retry later (a proactive send), as a <see cref="StorageException"/> when LiteDB fails.</summary>
    private static T Guarded<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (LiteException ex)
        {
            throw new StorageException(ex.Message, ex);
        }
    }

    private static void Guarded(Action action) => Guarded(() =>
    {
        action();
        return true;
    });

    private void Insert(IReadOnlyList<BsonDocument> documents)
    {
        if (documents.Count == 1)
            ActivityCollection.Insert(documents[0]);
        else
            ActivityCollection.InsertBulk(documents);
    }

    internal static string ActivityId(string conversationId, long sequence) => WebChatActivityIds.Of(conversationId, sequence);

    /// <summary>
    /// After <paramref name="documents"/> were committed: they become the conversation's remembered activities when they
    /// continue what was remembered; otherwise (a gap, or nothing known) polls read the file until the sequence is reloaded.
    /// </summary>
    private void Remember(Sequence sequence, IReadOnlyList<BsonDocument> documents)
    {
        if (!remember || documents.Count == 0)
            return;
        lock (sequence)
            sequence.Recent = sequence.Recent?.Then(documents);
    }

    private long LastSequence(string conversationId)
    {
        var last = ActivityCollection.Query()
            .Where(Queries.Between("_id", conversationId + "|", conversationId + "|~"))
            .OrderByDescending("_id")
            .Select("_id")
            .Limit(1)
            .FirstOrDefault();
        return last is null ? 0 : SequenceOf(last["_id"].AsString);
    }

    private static long SequenceOf(string id) => WebChatActivityIds.SequenceOf(id);

    private DateTimeOffset Now => clock.GetUtcNow();
}
