using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Npgsql;
using NpgsqlTypes;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// Transcript entries in PostgreSQL, append-only. The identity column <c>seq</c> keeps the order of appends, so entries
/// with the same time come back in the order they were written. Appends run in the turn's <see cref="PostgreSqlUnitOfWork"/>.
/// </summary>
public sealed class PostgreSqlTranscriptStore(PostgreSqlDatabase database) : ITranscriptStore
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public async Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await database.WriteAsync(true, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO transcripts (conversation_key, debtor_id, at, doc) VALUES ($1, $2, $3, $4)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = entry.ConversationKey });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.DebtorId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = entry.At.UtcTicks });
            command.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlJson.Serialize(entry), NpgsqlDbType = NpgsqlDbType.Jsonb });
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<TranscriptEntry>> ListAsync(string conversationKey, DateTimeOffset? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return after is { } from
            ? SelectAsync("WHERE conversation_key = $1 AND at > $3 ORDER BY seq LIMIT $2", [conversationKey, limit, from.UtcTicks], cancellationToken)
            : SelectAsync("WHERE conversation_key = $1 ORDER BY seq LIMIT $2", [conversationKey, limit], cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ListByDebtorAsync(string debtorId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var latest = await SelectAsync("WHERE debtor_id = $1 ORDER BY seq DESC LIMIT $2", [debtorId, limit], cancellationToken).ConfigureAwait(false);
        return [.. latest.Reverse()];
    }

    private Task<IReadOnlyList<TranscriptEntry>> SelectAsync(string tail, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        database.ReadAsync(true, async (connection, transaction) =>
        {
            await using var command = PostgreSqlCommands.Command($"SELECT doc::text FROM transcripts {tail}", connection, transaction, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<TranscriptEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                entries.Add(PostgreSqlJson.Deserialize<TranscriptEntry>(reader.GetString(0)));
            return (IReadOnlyList<TranscriptEntry>)entries;
        }, cancellationToken);
}
