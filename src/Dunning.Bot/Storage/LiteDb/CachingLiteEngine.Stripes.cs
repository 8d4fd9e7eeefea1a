using System.Collections.Concurrent;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>The stamps, in-flight marks and entries behind <see cref="CachingLiteEngine"/>, and what a commit does to them.</summary>
internal sealed partial class CachingLiteEngine
{
    /// <summary>
    /// Bumps every stripe written again (readers that read meanwhile saw the state before the commit); after a commit,
    /// caches a written document whose stripe nobody else touched between its write and now.
    /// </summary>
    private void AfterTransaction(bool committed)
    {
        inTransaction.Value = false;
        var written = transaction.Value!;
        foreach (var write in written)
        {
            if (write.Key is null)
            {
                BumpAll(write.Cache);
                Interlocked.Decrement(ref write.Cache.InFlightAll);
                continue;
            }
            var stamp = Interlocked.Increment(ref write.Cache.Stamps[write.Stripe]);
            Interlocked.Increment(ref write.Cache.Epoch);
            if (committed && write.Document is not null && stamp == write.Stamp + 1)
                Put(write.Cache, write.Key, write.Document, stamp);
            Interlocked.Decrement(ref write.Cache.InFlight[write.Stripe]);
        }
        written.Clear();
    }

    private void Put(Cache cache, string key, BsonDocument? document, long stamp)
    {
        if (cache.Entries.Count >= capacityPerCollection)
            cache.Entries.Clear();
        cache.Entries[key] = new Entry(document, stamp);
    }

    private static void BumpAll(Cache cache)
    {
        Interlocked.Increment(ref cache.Epoch);
        for (var i = 0; i < Stripes; i++)
            Interlocked.Increment(ref cache.Stamps[i]);
    }

    private static int Stripe(string key) => (int)((uint)StringComparer.Ordinal.GetHashCode(key) % Stripes);

    private sealed class Cache
    {
        public readonly long[] Stamps = new long[Stripes];

        /// <summary>Per stripe: writes LiteDB has taken whose stamps are not yet bumped after their commit or rollback.</summary>
        public readonly int[] InFlight = new int[Stripes];
        public readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, Result> Results = new(StringComparer.Ordinal);

        /// <summary>Bumped with every write of the collection: what query results are checked against.</summary>
        public long Epoch;

        /// <summary>Predicate and structural writes in flight (they touch every stripe).</summary>
        public int InFlightAll;
    }

    /// <summary>A cached document, or null: the id was read and not found.</summary>
    private sealed record Entry(BsonDocument? Document, long Stamp);

    private sealed record Result(IReadOnlyList<BsonDocument> Documents, long Epoch);

    private readonly record struct Written(Cache Cache, string? Key, int Stripe, long Stamp, BsonDocument? Document);
}
