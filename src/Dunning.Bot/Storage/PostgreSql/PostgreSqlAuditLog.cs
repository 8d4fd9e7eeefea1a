using Dunning.Bot.Staff.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>The staff audit log in PostgreSQL: append-only, newest first, per debtor when asked.</summary>
public sealed class PostgreSqlAuditLog(PostgreSqlDatabase database) : IAuditLog
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await database.WriteAsync(false, async (connection, transaction) =>
        {
            await using var insert = new NpgsqlCommand("INSERT INTO audit_log (at, debtor_id, doc) VALUES ($1, $2, $3)", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = entry.At.UtcTicks });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.DebtorId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlJson.Serialize(entry), NpgsqlDbType = NpgsqlDbType.Jsonb });
            return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? debtorId, int limit, CancellationToken cancellationToken) =>
        [.. (await database.ReadAsync(false, (connection, transaction) => debtorId is null
            ? PostgreSqlCommands.ColumnAsync<string>(connection, transaction, "SELECT doc::text FROM audit_log ORDER BY seq DESC LIMIT $1", [limit], cancellationToken)
            : PostgreSqlCommands.ColumnAsync<string>(connection, transaction, "SELECT doc::text FROM audit_log WHERE debtor_id = $2 ORDER BY seq DESC LIMIT $1",
                [limit, debtorId], cancellationToken), cancellationToken).ConfigureAwait(false)).Select(PostgreSqlJson.Deserialize<AuditEntry>)];
}
