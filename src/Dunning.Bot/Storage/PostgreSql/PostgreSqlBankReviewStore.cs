using Dunning.Bot.Banking;
using Npgsql;
using NpgsqlTypes;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// Bank bookings waiting for review in PostgreSQL: a booking is added once (its key), listed oldest first while open, and
/// resolved once — a second resolution (two people at once) finds it taken and changes nothing.
/// </summary>
public sealed class PostgreSqlBankReviewStore(PostgreSqlDatabase database) : IBankReviewStore
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public async Task<bool> AddAsync(BankImportItem item, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        await AddManyAsync([item], receivedAt, cancellationToken).ConfigureAwait(false) == 1;

    public async Task<int> AddManyAsync(IReadOnlyList<BankImportItem> items, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
            return 0;
        return await database.WriteAsync(false, async (connection, transaction) =>
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var item in items.DistinctBy(i => i.Key, StringComparer.Ordinal))
            {
                var insert = new NpgsqlBatchCommand("INSERT INTO bank_review (key, received_at, item) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
                insert.Parameters.Add(new NpgsqlParameter { Value = item.Key });
                insert.Parameters.Add(new NpgsqlParameter { Value = receivedAt.UtcTicks });
                insert.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlJson.Serialize(item), NpgsqlDbType = NpgsqlDbType.Jsonb });
                batch.BatchCommands.Add(insert);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return PostgreSqlCommands.Affected(batch);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<BankReviewEntry>> ListAsync(CancellationToken cancellationToken) =>
        SelectAsync("WHERE resolution IS NULL ORDER BY received_at, key COLLATE \"C\"", [], cancellationToken);

    public async Task<BankReviewEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (await SelectAsync("WHERE key = $1", [key], cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<bool> ResolveAsync(string key, BankReviewResolution resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(resolution);
        return await database.WriteAsync(false, async (connection, transaction) =>
        {
            await using var update = new NpgsqlCommand("UPDATE bank_review SET resolution = $2 WHERE key = $1 AND resolution IS NULL", connection, transaction);
            update.Parameters.Add(new NpgsqlParameter { Value = key });
            update.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlJson.Serialize(resolution), NpgsqlDbType = NpgsqlDbType.Jsonb });
            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    private Task<IReadOnlyList<BankReviewEntry>> SelectAsync(string tail, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        database.ReadAsync(false, async (connection, transaction) =>
        {
            await using var command = PostgreSqlCommands.Command($"SELECT item::text, received_at, resolution::text FROM bank_review {tail}", connection, transaction, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<BankReviewEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new BankReviewEntry(PostgreSqlJson.Deserialize<BankImportItem>(reader.GetString(0)), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                    reader.IsDBNull(2) ? null : PostgreSqlJson.Deserialize<BankReviewResolution>(reader.GetString(2))));
            }
            return (IReadOnlyList<BankReviewEntry>)entries;
        }, cancellationToken);
}
