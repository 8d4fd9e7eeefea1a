using Dunning.Bot.Core.Ports;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// Optimistic concurrency for one document, inside the caller's transaction. Version 0 means "new": the insert
/// fails if the id exists. Otherwise the collection's write lock is taken first (<see cref="Lock"/>), so a second
/// writer that read the same version waits and then finds it moved on; the stored version is read under the lock and
/// must match. Only then is the whole document replaced.
/// </summary>
internal static class VersionedWrites
{

    /// <summary>
    /// Writes <paramref name="document"/> (its Version field is set to <paramref name="expectedVersion"/> + 1);
    /// <paramref name="readLocked"/> reads the stored document once the collection's write lock is held (default: from the file).
    /// </summary>
    public static void Write(ILiteCollection<BsonDocument> collection, BsonDocument document, int expectedVersion, Func<BsonValue, BsonDocument?>? readLocked = null)
    {
        var id = document["_id"];
        document["Version"] = expectedVersion + 1;
        if (expectedVersion == 0)
        {
            try
            {
                collection.Insert(document);
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                throw Duplicate(collection, id, ex);
            }
            return;
        }
        // Take the collection's write lock first (an update that matches nothing), then read the stored version: no
        // other writer can change the document between that read and the update below, and a mismatch throws before
        // anything is written. (Bumping the version with an update and reading it back did the same with one more
        // lookup and one more rewrite of the whole document.)
        Lock(collection);
        var found = (readLocked is null ? Queries.FindById(collection, id) : readLocked(id))?["Version"].AsInt32;
        if (found != expectedVersion)
            throw Conflict(collection, id, $"expected version {expectedVersion}, found {(found?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")}");
        try
        {
            collection.Update(document);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw Duplicate(collection, id, ex);
        }
    }

    /// <summary>
    /// Writes many entities of one collection (inside the caller's transaction): the stored ones with their version check,
    /// then the new ones (version 0) as one streamed bulk insert, converted to BSON as they go. The collection's write
    /// lock is taken once up front (<see cref="Lock"/>), so each stored document is read for its version and replaced:
    /// two operations instead of the three of <see cref="Write"/>.
    /// </summary>
    public static void WriteMany<T>(ILiteCollection<BsonDocument> collection, IReadOnlyList<T> entities, Func<T, BsonDocument> toBson, Func<T, int> versionOf)
    {
        var stored = entities.Where(e => versionOf(e) > 0).ToList();
        if (stored.Count > 0)
            Lock(collection);
        foreach (var entity in stored)
        {
            var document = toBson(entity);
            var id = document["_id"];
            var expected = versionOf(entity);
            var current = collection.FindById(id)?["Version"].AsInt32;
            Check(collection, id, expected, current);
            document["Version"] = expected + 1;
            try
            {
                collection.Update(document);
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                throw Duplicate(collection, id, ex);
            }
        }
        var inserts = entities.Where(e => versionOf(e) == 0).Select(e =>
        {
            var document = toBson(e);
            document["Version"] = 1;
            return document;
        });
        try
        {
            collection.Insert(inserts);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw Duplicate(collection, DuplicateValue(ex), ex);
        }
    }

    /// <summary>
    /// Takes <paramref name="collection"/>'s write lock for the rest of the caller's transaction (LiteDB holds it from a
    /// transaction's first write on that collection until commit or rollback) by deleting the id no document can have
    /// (the minimum value: the skip list's head, never a stored key), so what the transaction reads from it afterwards
    /// cannot change under it before it writes. (An update that matches nothing did the same through the query planner.)
    /// </summary>
    public static void Lock(ILiteCollection<BsonDocument> collection) => collection.Delete(BsonValue.MinValue);

    /// <summary>
    /// The same verdict <see cref="Write"/> would reach, from the version stored now (<paramref name="current"/>, null
    /// when absent), for writes deferred to a unit of work: throws <see cref="ConcurrencyConflictException"/> when they differ.
    /// </summary>
    public static void Check(ILiteCollection<BsonDocument> collection, BsonValue id, int expectedVersion, int? current)
    {
        if (expectedVersion == 0 && current is not null)
            throw Conflict(collection, id, "it already exists");
        if (expectedVersion != 0 && current != expectedVersion)
            throw Conflict(collection, id, $"expected version {expectedVersion}, found {(current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")}");
    }

    /// <summary>Runs <paramref name="write"/> in one transaction: committed entirely or rolled back entirely.</summary>
    public static void InTransaction(LiteDatabase database, Action write)
    {
        // LiteDB transactions belong to the calling thread; everything here runs synchronously on it.
        if (!database.BeginTrans())
            throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        try
        {
            write();
            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }

    /// <summary>An existing id on insert is a lost race (conflict); any other unique index is a clash of values.</summary>
    private static Exception Duplicate(ILiteCollection<BsonDocument> collection, BsonValue id, LiteException ex) =>
        ex.Message.Contains("'_id'", StringComparison.Ordinal)
            ? Conflict(collection, id, "it already exists")
            : new UniqueValueException($"{collection.Name} '{id.AsString}': {ex.Message} Nothing was written.", ex);

    private static BsonValue DuplicateValue(LiteException ex)
    {
        const string marker = "The duplicate value is '";
        var at = ex.Message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? "?" : ex.Message[(at + marker.Length)..].TrimEnd('.', '\'');
    }

    private static ConcurrencyConflictException Conflict(ILiteCollection<BsonDocument> collection, BsonValue id, string detail) =>
        new($"{collection.Name} '{id.AsString}' was changed or created by someone else ({detail}); nothing was written. Re-read and try again.");
}
