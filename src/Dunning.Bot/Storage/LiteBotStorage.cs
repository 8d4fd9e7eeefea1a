using Dunning.Bot.Conversations.State;
using LiteDB;

namespace Dunning.Bot.Storage;

/// <summary>
/// The engine's bot state (dialog stacks, conversation memory) in LiteDB, keeping the <see cref="IStorage"/> contract:
/// ordinal keys; eTag null = create only, "*" = unconditional, else must match; a batch is all-or-nothing (one LiteDB
/// transaction, and checks and writes under one lock, so no other write slips in between); every write gets a fresh
/// eTag (a GUID, never reused); bytes are copied in and out.
/// </summary>
public sealed class LiteBotStorage : IStorage
{
    internal const string CollectionName = "botstate";

    private readonly LiteDatabase database;
    private readonly ILiteCollection<BsonDocument> collection;
    private readonly Lock gate = new();

    public LiteBotStorage(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
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
            if (collection.FindById(key) is { } doc)
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
        var written = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        lock (gate)
        {
            VersionedWrites.InTransaction(database, () =>
            {
                foreach (var (key, change) in changes)
                {
                    var current = collection.FindById(key)?["ETag"].AsString;
                    var ok = change.ETag switch
                    {
                        null => current is null,
                        StoreItem.AnyETag => true,
                        _ => current is not null && string.Equals(current, change.ETag, StringComparison.Ordinal),
                    };
                    if (!ok)
                        throw new StorageConflictException(key, change.ETag, current);
                }
                foreach (var (key, change) in changes)
                {
                    var eTag = Guid.NewGuid().ToString("N");
                    collection.Upsert(new BsonDocument { ["_id"] = key, ["Json"] = change.Utf8Json.ToArray(), ["ETag"] = eTag });
                    written[key] = eTag;
                }
            });
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(written);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var key in keys)
            ValidateKey(key);
        lock (gate)
            VersionedWrites.InTransaction(database, () =>
            {
                foreach (var key in keys)
                    collection.Delete(key);
            });
        return Task.CompletedTask;
    }

    private static void ValidateKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > IStorage.MaxKeyLength)
            throw new ArgumentException($"Storage keys are at most {IStorage.MaxKeyLength} characters.", nameof(key));
    }
}
