using System.Collections.Concurrent;
using LiteDB;
using LiteDB.Engine;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// The LiteDB engine of a file this process owns alone (<see cref="StorageConnection.Direct"/>), with a read cache of
/// the documents a turn looks up by id in a few collections (conversation links, bot state, debtors, cases, invoices). A LiteDB
/// lookup by id costs a transaction, a snapshot, the collection page with every index expression parsed again, the
/// skip-list walk and the whole document decoded — five to six of them a turn, ~20 KB each.
/// <para>
/// Coherence comes from sitting under <see cref="LiteDatabase"/>: every write of the process passes through here. Each
/// cached collection has stamps (counters, one per stripe of ids); a write bumps the stamp of its id when LiteDB takes
/// the document (inside its transaction) and again after the commit or rollback. A cached document carries the stamp
/// read before it was read from the file and is served only while that stamp is unchanged, so no write between the
/// read and now can have been missed. After a commit, a document the transaction wrote becomes the cached one when no
/// other write touched its stripe meanwhile. Reads inside a transaction (the eTag and version checks under the write
/// lock) always go to the file. Predicate writes (<c>UpdateMany</c>, <c>DeleteMany</c>) and structural changes bump
/// every stripe of the collection. Query results (a debtor's invoices) are cached per collection epoch, which every
/// write of that collection bumps. An id read and not found is cached as absent the same way.
/// </para>
/// <para>
/// Inside a transaction (<see cref="FindByIdLocked"/>: the version and eTag checks of a commit) a cached document is
/// the stored one as long as no write of its stripe is in flight: every write marks its stripe from the moment LiteDB
/// takes it until its stamps were bumped after the commit, so a write committed but not yet stamped is never missed;
/// with a mark, or no valid entry, the check reads the file as before.
/// </para>
/// Cached documents are shared: callers read them and never change them.
/// </summary>
internal sealed partial class CachingLiteEngine : ILiteEngine
{
    /// <summary>The collections worth caching: read by id on every turn, written rarely or by the turn itself.</summary>
    public static readonly IReadOnlyList<string> CachedCollections =
        [LiteConversationStore.CollectionName, LiteBotStorage.CollectionName, LiteDbContext.Debtors, LiteDbContext.Cases, LiteDbContext.Invoices];

    private const int Stripes = 1024;

    private readonly ILiteEngine inner;
    /// <summary>Writes of one transaction beyond this many are not cached (bulk work), only invalidated.</summary>
    internal const int MaxCachedWritesPerTransaction = 64;

    private readonly int capacityPerCollection;
    private readonly Dictionary<string, Cache> caches = new(StringComparer.OrdinalIgnoreCase);
    private readonly ThreadLocal<List<Written>> transaction = new(() => []);
    private readonly ThreadLocal<bool> inTransaction = new();

    public CachingLiteEngine(ILiteEngine inner, int capacity)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        capacityPerCollection = Math.Max(1, capacity / CachedCollections.Count);
        foreach (var name in CachedCollections)
            caches[name] = new Cache();
    }

    /// <summary>
    /// The document of <paramref name="collection"/> with string id <paramref name="id"/>, from the cache or read by
    /// <paramref name="read"/> (and then cached); inside a transaction of this thread always read.
    /// </summary>
    public BsonDocument? FindById(string collection, BsonValue id, Func<BsonDocument?> read)
    {
        if (inTransaction.Value || !id.IsString || !caches.TryGetValue(collection, out var cache))
            return read();
        var key = id.AsString;
        var stripe = Stripe(key);
        var stamp = Volatile.Read(ref cache.Stamps[stripe]);
        if (cache.Entries.TryGetValue(key, out var entry) && entry.Stamp == stamp)
            return entry.Document;
        var document = read();
        Put(cache, key, document, stamp);
        return document;
    }

    /// <summary>
    /// As <see cref="FindById"/>, inside a transaction of this thread (the checks of a commit): the cached document when
    /// no write of its stripe is in flight — it is then the stored one — else read by <paramref name="read"/> (not cached:
    /// it may be this transaction's own write).
    /// </summary>
    public BsonDocument? FindByIdLocked(string collection, BsonValue id, Func<BsonDocument?> read)
    {
        if (!id.IsString || !caches.TryGetValue(collection, out var cache))
            return read();
        var key = id.AsString;
        var stripe = Stripe(key);
        // In flight first: a write that finished bumped its stamps (and cached its document) before it cleared its mark.
        if (Volatile.Read(ref cache.InFlightAll) == 0 && Volatile.Read(ref cache.InFlight[stripe]) == 0
            && cache.Entries.TryGetValue(key, out var entry) && entry.Stamp == Volatile.Read(ref cache.Stamps[stripe]))
            return entry.Document;
        return read();
    }

    /// <summary>
    /// The documents of <paramref name="collection"/> that the query named <paramref name="key"/> finds, from the cache
    /// while nothing in that collection was written since they were read (any write of it bumps its epoch), else read
    /// by <paramref name="read"/>; inside a transaction of this thread always read.
    /// </summary>
    public IReadOnlyList<BsonDocument> FindMany(string collection, string key, Func<IReadOnlyList<BsonDocument>> read)
    {
        if (inTransaction.Value || !caches.TryGetValue(collection, out var cache))
            return read();
        var epoch = Volatile.Read(ref cache.Epoch);
        if (cache.Results.TryGetValue(key, out var result) && result.Epoch == epoch)
            return result.Documents;
        var documents = read();
        if (cache.Results.Count >= capacityPerCollection)
            cache.Results.Clear();
        cache.Results[key] = new Result(documents, epoch);
        return documents;
    }

    public bool BeginTrans()
    {
        var begun = inner.BeginTrans();
        if (begun)
            inTransaction.Value = true;
        return begun;
    }

    public bool Commit()
    {
        try
        {
            var committed = inner.Commit();
            AfterTransaction(committed);
            return committed;
        }
        catch
        {
            AfterTransaction(committed: false);
            throw;
        }
    }

    public bool Rollback()
    {
        try
        {
            return inner.Rollback();
        }
        finally
        {
            AfterTransaction(committed: false);
        }
    }

    public IBsonDataReader Query(string collection, Query query) => inner.Query(collection, query);

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        Write(collection, () => inner.Insert(collection, Track(collection, docs), autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) =>
        Write(collection, () => inner.Update(collection, Track(collection, docs)));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) =>
        Write(collection, () => inner.Upsert(collection, Track(collection, docs), autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) =>
        Write(collection, () => inner.Delete(collection, caches.TryGetValue(collection, out var cache) ? ids.Select(id => Touch<BsonValue>(cache, id, id)) : ids));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) =>
        WriteMany(collection, () => inner.UpdateMany(collection, transform, predicate));

    public int DeleteMany(string collection, BsonExpression predicate) =>
        WriteMany(collection, () => inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => WriteAll(() => inner.DropCollection(name));

    public bool RenameCollection(string name, string newName) => WriteAll(() => inner.RenameCollection(name, newName));

    public long Rebuild(RebuildOptions options) => WriteAll(() => inner.Rebuild(options));

    public int Checkpoint() => inner.Checkpoint();

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => inner.EnsureIndex(collection, name, expression, unique);

    public bool DropIndex(string collection, string name) => inner.DropIndex(collection, name);

    public BsonValue Pragma(string name) => inner.Pragma(name);

    public bool Pragma(string name, BsonValue value) => inner.Pragma(name, value);

    public void Dispose()
    {
        inner.Dispose();
        transaction.Dispose();
        inTransaction.Dispose();
    }

    /// <summary>A write outside an explicit transaction is its own (LiteDB commits it inside the call).</summary>
    private T Write<T>(string collection, Func<T> write)
    {
        if (!caches.ContainsKey(collection) || inTransaction.Value)
            return write();
        var committed = false;
        try
        {
            var result = write();
            committed = true;
            return result;
        }
        finally
        {
            AfterTransaction(committed);
        }
    }

    private int WriteMany(string collection, Func<int> write)
    {
        if (!caches.TryGetValue(collection, out var cache))
            return write();
        Interlocked.Increment(ref cache.InFlightAll);
        var changed = 0;
        var heldUntilCommit = false;
        try
        {
            changed = write();
            return changed;
        }
        finally
        {
            // Nothing matched: nothing changed.
            if (changed != 0)
            {
                BumpAll(cache);
                if (inTransaction.Value)
                {
                    transaction.Value!.Add(new Written(cache, null, -1, -1, null));
                    heldUntilCommit = true;
                }
            }
            if (!heldUntilCommit)
                Interlocked.Decrement(ref cache.InFlightAll);
        }
    }

    private T WriteAll<T>(Func<T> write)
    {
        foreach (var cache in caches.Values)
            Interlocked.Increment(ref cache.InFlightAll);
        try
        {
            return write();
        }
        finally
        {
            foreach (var cache in caches.Values)
            {
                BumpAll(cache);
                Interlocked.Decrement(ref cache.InFlightAll);
            }
        }
    }

    private IEnumerable<BsonDocument> Track(string collection, IEnumerable<BsonDocument> docs) =>
        caches.TryGetValue(collection, out var cache)
            ? docs.Select(doc => doc.TryGetValue("_id", out var id) ? Touch(cache, id, doc) : doc)
            : docs;

    /// <summary>As LiteDB takes a document or id: bumps its stripe and remembers it for after the transaction.</summary>
    private T Touch<T>(Cache cache, BsonValue id, T item)
    {
        if (id.IsString)
        {
            var key = id.AsString;
            var stripe = Stripe(key);
            Interlocked.Increment(ref cache.InFlight[stripe]);
            var stamp = Interlocked.Increment(ref cache.Stamps[stripe]);
            Interlocked.Increment(ref cache.Epoch);
            // A turn writes a handful of documents; a bulk transaction (an import, a batch of bookings) leaves the cache alone
            // rather than holding everything it wrote until the commit.
            var written = transaction.Value!;
            written.Add(new Written(cache, key, stripe, stamp, written.Count < MaxCachedWritesPerTransaction ? item as BsonDocument : null));
        }
        return item;
    }
}
