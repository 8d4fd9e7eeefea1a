using Dunning.Bot.Conversations.State;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// The engine's bot state (dialog stacks, conversation memory) in LiteDB, keeping the <see cref="IStorage"/> contract:
/// ordinal keys; eTag null = create only, "*" = unconditional, else must match; a batch is all-or-nothing (one LiteDB
/// transaction, and checks and writes under one lock, so no other write slips in between); every write gets a fresh
/// eTag (a GUID, never reused); bytes are copied in and out. Inside the flow's <see cref="LiteUnitOfWork"/> a batch is
/// checked at once (a conflict throws where it always did), deferred, and checked again inside the unit's transaction;
/// reads see the unit's own writes.
/// </summary>
public sealed class LiteBotStorage : IStorage
{
    internal const string CollectionName = "botstate";

    private readonly LiteDbContext context;
    private readonly LiteDatabase database;
    private readonly ILiteCollection<BsonDocument> collection;
    private readonly Lock gate = new();

    public LiteBotStorage(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        database = context.Database;
        collection = database.GetCollection(CollectionName, BsonAutoId.ObjectId);
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            ValidateKey(key);
            if (Find(key) is { } doc)
                result[key] = new StoreItem(doc["Json"].AsBinary, doc["ETag"].AsString);
        }
        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var (key, change) in changes)
        {
            ValidateKey(key);
            ArgumentNullException.ThrowIfNull(change);
        }
        var documents = new List<(string Key, string? Expected, BsonDocument Document)>(changes.Count);
        var written = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        foreach (var (key, change) in changes)
        {
            var eTag = Guid.NewGuid().ToString("N");
            documents.Add((key, change.ETag, new BsonDocument { ["_id"] = key, ["Json"] = change.Utf8Json.ToArray(), ["ETag"] = eTag }));
            written[key] = eTag;
        }
        if (context.UnitOfWork is { } unit)
        {
            lock (gate)
                Check(documents, Find);
            foreach (var (key, expected, document) in documents)
                unit.Defer(() => Write([(key, expected, document)]), (CollectionName, key), document, gate);
        }
        else
        {
            lock (gate)
                VersionedWrites.InTransaction(database, () => Write(documents));
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(written);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var key in keys)
            ValidateKey(key);
        if (context.UnitOfWork is { } unit)
        {
            foreach (var key in keys)
                unit.Defer(() => collection.Delete(key), (CollectionName, key), null, gate);
            return Task.CompletedTask;
        }
        lock (gate)
            VersionedWrites.InTransaction(database, () =>
            {
                foreach (var key in keys)
                    collection.Delete(key);
            });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Checks every eTag first (nothing is written when one fails), then writes each document with its new eTag. Runs
    /// inside the transaction under <see cref="gate"/>; the stored eTags are what the file holds at that moment, from
    /// memory while no write of them is in flight (<see cref="LiteDbContext.FindByIdLocked"/>).
    /// </summary>
    private void Write(IReadOnlyList<(string Key, string? Expected, BsonDocument Document)> documents)
    {
        Check(documents, key => context.FindByIdLocked(CollectionName, collection, key));
        foreach (var (_, _, document) in documents)
            collection.Upsert(document);
    }

    private static void Check(IReadOnlyList<(string Key, string? Expected, BsonDocument Document)> documents, Func<string, BsonDocument?> find)
    {
        foreach (var (key, expected, _) in documents)
        {
            var current = find(key)?["ETag"].AsString;
            var ok = expected switch
            {
                null => current is null,
                StoreItem.AnyETag => true,
                _ => current is not null && string.Equals(current, expected, StringComparison.Ordinal),
            };
            if (!ok)
                throw new StorageConflictException(key, expected, current);
        }
    }

    /// <summary>The stored document, or the one the flow's unit of work wrote (null when it deleted it).</summary>
    private BsonDocument? Find(string key) =>
        context.UnitOfWork is { } unit && unit.TryFind(CollectionName, key, out var pending) ? pending : context.FindById(CollectionName, collection, key);

    private static void ValidateKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > IStorage.MaxKeyLength)
            throw new ArgumentException($"Storage keys are at most {IStorage.MaxKeyLength} characters.", nameof(key));
    }
}
