using Microsoft.Extensions.Options;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// With PostgreSQL, the unit of work a channel adapter wraps around a turn (the web chat's echo and the turn's replies, a
/// Teams turn) is the flow's <see cref="PostgreSqlUnitOfWork"/>: everything the turn writes commits in one PostgreSQL
/// transaction, and <see cref="PostgreSqlTurnMiddleware"/> inside it joins it instead of beginning its own. No LiteDB file
/// is opened for it. Holding a conversation takes its advisory lock (<see cref="PostgreSqlTurnLock"/>) first thing, as
/// the middleware does — so every path takes that lock before the web chat conversation's row, never the other way round.
/// </summary>
public sealed class PostgreSqlUnitOfWorkFactory(PostgreSqlDatabase database, IOptions<PostgreSqlHostsOptions>? options = null) : IUnitOfWorkFactory
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeSpan lockTimeout = (options?.Value ?? new PostgreSqlHostsOptions()).TurnLockTimeout;

    public IUnitOfWork BeginUnitOfWork() => new Unit(database.BeginUnitOfWork(), lockTimeout);

    private sealed class Unit(PostgreSqlUnitOfWork unit, TimeSpan lockTimeout) : IUnitOfWork
    {
        public Task CommitAsync(CancellationToken cancellationToken) => unit.CommitAsync(cancellationToken);

        public Task HoldConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            unit.LockConversationAsync(channelId, conversationId, lockTimeout, cancellationToken);

        public void Dispose() => unit.Dispose();
    }
}
