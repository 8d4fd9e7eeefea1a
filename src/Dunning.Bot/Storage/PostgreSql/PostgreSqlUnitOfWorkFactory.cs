namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// With PostgreSQL, the unit of work a channel adapter wraps around a turn (the web chat's echo and the turn's replies, a
/// Teams turn) is the flow's <see cref="PostgreSqlUnitOfWork"/>: everything the turn writes commits in one PostgreSQL
/// transaction, and <see cref="PostgreSqlTurnMiddleware"/> inside it joins it instead of beginning its own. No LiteDB file
/// is opened for it.
/// </summary>
public sealed class PostgreSqlUnitOfWorkFactory(PostgreSqlDatabase database) : IUnitOfWorkFactory
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public IUnitOfWork BeginUnitOfWork() => new Unit(database.BeginUnitOfWork());

    private sealed class Unit(PostgreSqlUnitOfWork unit) : IUnitOfWork
    {
        public Task CommitAsync(CancellationToken cancellationToken) => unit.CommitAsync(cancellationToken);

        public void Dispose() => unit.Dispose();
    }
}
