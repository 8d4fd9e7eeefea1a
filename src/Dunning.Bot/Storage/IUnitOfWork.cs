namespace Dunning.Bot.Storage;

/// <summary>
/// One turn's writes, committed together in one transaction — all or nothing. Begun by
/// <see cref="IUnitOfWorkFactory.BeginUnitOfWork"/> for the current async flow: every store write of that flow (and the
/// flows it starts) joins it until it is committed or disposed. Disposing it without <see cref="CommitAsync"/> writes
/// nothing. Not thread-safe: one turn at a time uses it.
/// </summary>
public interface IUnitOfWork : IDisposable
{
    /// <summary>Writes everything in one transaction and returns after it is durable; on failure nothing is written.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
