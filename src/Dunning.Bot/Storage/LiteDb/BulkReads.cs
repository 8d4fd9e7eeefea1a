using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// Reads of many documents at once for the sweep and the API: one snapshot, and the cheapest of three plans for
/// "every document whose field is one of these values".
/// </summary>
internal static class BulkReads
{
    /// <summary>
    /// Documents whose <paramref name="field"/> is one of <paramref name="values"/> (every match per value, so it serves
    /// unique and non-unique fields alike; the field must be indexed). The index keys between the smallest and the
    /// largest value are counted first (the documents are not loaded for that): when the wanted ones are at least half
    /// of them, one range query reads them all and the few others are dropped; when they are sparse, each value is
    /// looked up by index. (LiteDB's IN with thousands of values, and its Count, which reads every document, are far
    /// slower than either.)
    /// </summary>
    /// <para>Each document is mapped by <paramref name="map"/> as it is read, so the documents die young and only the
    /// results survive (a page of thousands would otherwise be promoted by the collector, at a cost).</para>
    public static IReadOnlyList<T> FindIn<T>(LiteDatabase database, ILiteCollection<BsonDocument> collection, string field, IReadOnlyCollection<string> values,
        Func<BsonDocument, T> map)
    {
        ArgumentNullException.ThrowIfNull(values);
        var wanted = values.ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
            return [];
        var sorted = wanted.Order(StringComparer.Ordinal).ToList();
        var range = Queries.Between(field, sorted[0], sorted[^1]);
        return Together<T>(database, () => Dense(collection, field, range, wanted)
            ? [.. collection.Find(range).Where(d => Matches(d[field], wanted)).Select(map)]
            : [.. sorted.SelectMany(v => collection.Find(Queries.Eq(field, v))).Select(map)]);
    }

    /// <summary>
    /// Runs many reads in one (read-only) transaction, unless the thread already has one: a single snapshot, and none
    /// of the per-query transaction set-up LiteDB otherwise pays on every lookup.
    /// </summary>
    public static IReadOnlyList<T> Together<T>(LiteDatabase database, Func<IReadOnlyList<T>> read)
    {
        var own = database.BeginTrans();
        try
        {
            return read();
        }
        finally
        {
            if (own)
                database.Rollback();
        }
    }

    /// <summary>
    /// Whether the wanted values make up at least half of the index keys in <paramref name="range"/>. Reads index keys
    /// only, and stops as soon as the answer is no, so a sparse set costs about as much as the lookups it then does.
    /// </summary>
    private static bool Dense(ILiteCollection<BsonDocument> collection, string field, BsonExpression range, HashSet<string> wanted)
    {
        var (hits, misses) = (0, 0);
        foreach (var key in collection.Query().Where(range).Select(BsonExpression.Create("$." + field)).ToEnumerable())
        {
            if (Matches(key.Values.FirstOrDefault() ?? BsonValue.Null, wanted))
                hits++;
            else if (++misses > hits + wanted.Count)
                return false;
        }
        return misses <= hits;
    }

    private static bool Matches(BsonValue value, HashSet<string> wanted) => value.IsString && wanted.Contains(value.AsString);
}
