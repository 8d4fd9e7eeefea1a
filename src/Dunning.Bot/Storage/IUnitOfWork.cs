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

    /// <summary>
    /// Several hosts: orders this unit after every other unit, on any host, that holds the same conversation, until it
    /// commits or rolls back; call it before the unit's first write of the conversation. By default nothing to do: within
    /// one process the adapter's per-conversation lock already orders the turns (PostgreSQL takes an advisory lock).
    /// </summary>
    Task HoldConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) => Task.CompletedTask;
}
