using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>What every LiteDB store shares: mapping, lookups and versioned saves of one collection.</summary>
public abstract class LiteStore<T>
    where T : class
{
    private readonly LiteDbContext context;
    private readonly string collectionName;

    private protected LiteStore(LiteDbContext context, string collectionName)
    {
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        this.collectionName = collectionName;
    }

    private protected ILiteCollection<BsonDocument> Collection => context.Collection(collectionName);

    private protected LiteDatabase Database => context.Database;

    private protected abstract BsonDocument ToBson(T entity);

    private protected abstract T FromBson(BsonDocument document);

    private protected abstract int VersionOf(T entity);

    private protected abstract void SetVersion(T entity, int version);

    /// <summary>
    /// True for stores whose saves join the flow's <see cref="LiteUnitOfWork"/> (checked now, written at its commit).
    /// Only stores whose entities are read by id within a turn may: queries do not see deferred writes.
    /// </summary>
    private protected virtual bool JoinsUnitOfWork => false;

    private protected Task<T?> FindByIdAsync(BsonValue id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = JoinsUnitOfWork && context.UnitOfWork is { } unit && unit.TryFind(collectionName, id, out var pending)
            ? pending
            : context.FindById(collectionName, Collection, id);
        return Task.FromResult(document is null ? null : FromBson(document));
    }

    /// <summary>The version check's read under the collection's write lock (see <see cref="LiteDbContext.FindByIdLocked"/>).</summary>
    private Func<BsonValue, BsonDocument?> ReadLocked(ILiteCollection<BsonDocument> collection) =>
        id => context.FindByIdLocked(collectionName, collection, id);

    private protected Task<T?> FindOneAsync(BsonExpression predicate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = Collection.FindOne(predicate);
        return Task.FromResult(document is null ? null : FromBson(document));
    }

    private protected Task<IReadOnlyList<T>> FindManyAsync(BsonExpression predicate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<T>>([.. Collection.Find(predicate).Select(FromBson)]);
    }

    /// <summary>Entities whose <paramref name="field"/> equals <paramref name="value"/>, through the read cache (see <see cref="CachingLiteEngine"/>).</summary>
    private protected Task<IReadOnlyList<T>> FindManyAsync(string field, string value, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<T>>([.. context.FindMany(collectionName, Collection, field, value).Select(FromBson)]);
    }

    /// <summary>Documents whose indexed <paramref name="field"/> is one of <paramref name="values"/> (see <see cref="BulkReads.FindIn"/>).</summary>
    private protected Task<IReadOnlyList<T>> FindInAsync(string field, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(BulkReads.FindIn(Database, Collection, field, values, FromBson));
    }

    private protected Task<IReadOnlyList<T>> FindManyByIdAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        FindInAsync("_id", ids, cancellationToken);

    private protected Task<IReadOnlyList<T>> FindAllAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<T>>([.. Collection.FindAll().Select(FromBson)]);
    }

    /// <summary>Inserts (Version 0) or updates (stored version must match); the entity's Version moves on only after commit.</summary>
    private protected Task SaveEntityAsync(T entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        cancellationToken.ThrowIfCancellationRequested();
        var expected = VersionOf(entity);
        var document = ToBson(entity);
        if (JoinsUnitOfWork && context.UnitOfWork is { } unit)
        {
            var id = document["_id"];
            var current = unit.TryFind(collectionName, id, out var pending) ? pending : context.FindById(collectionName, Collection, id);
            VersionedWrites.Check(Collection, id, expected, current?["Version"].AsInt32);
            document["Version"] = expected + 1;
            var collection = Collection;
            unit.Defer(() => VersionedWrites.Write(collection, document, expected, ReadLocked(collection)), (collectionName, id), document);
        }
        else
        {
            var collection = Collection;
            VersionedWrites.InTransaction(Database, () => VersionedWrites.Write(collection, document, expected, ReadLocked(collection)));
        }
        SetVersion(entity, expected + 1);
        return Task.CompletedTask;
    }
}
