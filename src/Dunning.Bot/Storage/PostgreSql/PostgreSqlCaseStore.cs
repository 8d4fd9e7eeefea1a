using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>Dunning cases in PostgreSQL; the due sweep walks the partial index on <c>next_action_at</c>.</summary>
public sealed class PostgreSqlCaseStore(PostgreSqlDatabase database) : PostgreSqlDocumentStore<DunningCase>(database, PostgreSqlTables.Cases), ICaseStore
{
    public Task<DunningCase?> FindAsync(string debtorId, CancellationToken cancellationToken) => FindByIdAsync(debtorId, cancellationToken);

    public Task<IReadOnlyList<DunningCase>> FindManyAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken) =>
        FindManyByIdAsync(debtorIds, cancellationToken);

    public Task<IReadOnlyList<DunningCase>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return WhereAsync("WHERE next_action_at <= $1 ORDER BY next_action_at, debtor_id LIMIT $2", [now.UtcTicks, limit], cancellationToken);
    }

    public Task<IReadOnlyList<DunningCase>> ListDueByDebtorAsync(DateTimeOffset now, string? afterDebtorId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // COLLATE "C": debtor ids in ordinal order, as LiteDB and the sweep's paging compare them.
        return afterDebtorId is null
            ? WhereAsync("WHERE next_action_at <= $1 ORDER BY debtor_id COLLATE \"C\" LIMIT $2", [now.UtcTicks, limit], cancellationToken)
            : WhereAsync("WHERE next_action_at <= $1 AND debtor_id COLLATE \"C\" > $3 ORDER BY debtor_id COLLATE \"C\" LIMIT $2",
                [now.UtcTicks, limit, afterDebtorId], cancellationToken);
    }

    public async Task<int> CountAsync(DateTimeOffset? dueAt, int cap, CancellationToken cancellationToken) =>
        await Database.ReadAsync(false, async (connection, transaction) =>
        {
            var where = dueAt is null ? "" : "WHERE next_action_at <= $2";
            await using var command = PostgreSqlCommands.Command($"SELECT count(*) FROM (SELECT 1 FROM cases {where} LIMIT $1) AS capped",
                connection, transaction, dueAt is { } now ? [cap, now.UtcTicks] : [cap]);
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<DunningCase>> ListAsync(CancellationToken cancellationToken) =>
        WhereAsync("ORDER BY debtor_id COLLATE \"C\"", [], cancellationToken);

    public Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken) => SaveEntityAsync(dunningCase, cancellationToken);
}
