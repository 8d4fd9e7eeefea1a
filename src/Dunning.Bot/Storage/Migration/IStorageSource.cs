namespace Dunning.Bot.Storage.Migration;

/// <summary>Where the storage migration reads from (LiteDB: <see cref="LiteDb.LiteStorageSource"/>); disposing it closes what it opened.</summary>
internal interface IStorageSource : IDisposable
{
    /// <summary>Every record of <paramref name="kind"/> (one of <see cref="StoredKinds.All"/>), in batches of at most <paramref name="batchSize"/>.</summary>
    IAsyncEnumerable<IReadOnlyList<StoredRecord>> ReadAsync(string kind, int batchSize, CancellationToken cancellationToken);
}
