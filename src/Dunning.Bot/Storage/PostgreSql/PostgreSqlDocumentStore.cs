namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>What every PostgreSQL document store shares: lookups and versioned saves of one <see cref="DocumentTable{T}"/>.</summary>
public abstract class PostgreSqlDocumentStore<T>
    where T : class
{
    private readonly DocumentTable<T> table;

    private protected PostgreSqlDocumentStore(PostgreSqlDatabase database, DocumentTable<T> table)
    {
        Database = database ?? throw new ArgumentNullException(nameof(database));
        this.table = table;
    }

    private protected PostgreSqlDatabase Database { get; }

    /// <summary>
    /// True for stores whose reads and saves run in the flow's <see cref="PostgreSqlUnitOfWork"/> (the turn's
    /// transaction), as their LiteDB counterparts join the LiteDB unit of work.
    /// </summary>
    private protected virtual bool JoinsUnitOfWork => false;

    private protected async Task<T?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        (await WhereAsync($"WHERE {table.Key} = $1", [id], cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    private protected async Task<IReadOnlyList<T>> FindManyByIdAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Count == 0 ? [] : await WhereAsync($"WHERE {table.Key} = ANY($1)", [ids.Distinct(StringComparer.Ordinal).ToArray()], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The documents <paramref name="tail"/> (WHERE / ORDER BY / LIMIT with $1… for <paramref name="parameters"/>) selects.</summary>
    private protected async Task<IReadOnlyList<T>> WhereAsync(string tail, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        await Database.ReadAsync(JoinsUnitOfWork, (connection, transaction) => table.SelectAsync(connection, transaction, tail, parameters, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    /// <summary>Inserts (Version 0) or updates (stored version must match); the entity's Version moves on after the write.</summary>
    private protected async Task SaveEntityAsync(T entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await Database.WriteAsync(JoinsUnitOfWork, async (connection, transaction) =>
        {
            await table.WriteAsync(connection, transaction, [entity], cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        table.Advance([entity]);
    }
}
