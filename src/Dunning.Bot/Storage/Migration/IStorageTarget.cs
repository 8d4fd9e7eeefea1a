namespace Dunning.Bot.Storage.Migration;

/// <summary>Where the storage migration writes to (PostgreSQL: <see cref="PostgreSql.PostgreSqlStorageTarget"/>).</summary>
internal interface IStorageTarget
{
    /// <summary>Reaches the target and brings its schema up to date; throws <see cref="StorageException"/> naming why not.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>The records of <paramref name="kind"/> the target holds under <paramref name="ids"/>.</summary>
    Task<IReadOnlyDictionary<string, StoredRecord>> FindAsync(string kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="records"/> in one transaction, keeping their versions and eTags; a record whose id the target
    /// holds already replaces it (the migration writes only records it found missing or, asked to overwrite, different).
    /// </summary>
    Task WriteAsync(string kind, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken);

    /// <summary>Every record of <paramref name="kind"/> the target holds (for the verification).</summary>
    IAsyncEnumerable<StoredRecord> ReadAllAsync(string kind, CancellationToken cancellationToken);
}

/// <summary>A target that keeps a file open until it is disposed (a new LiteDB file, see <c>Cli/PrivateCopy</c>).</summary>
internal interface IFileStorageTarget : IStorageTarget, IDisposable
{
}
