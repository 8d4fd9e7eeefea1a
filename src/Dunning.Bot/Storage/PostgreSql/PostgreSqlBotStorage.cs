using Dunning.Bot.Conversations.State;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// The engine's bot state (dialog stacks, conversation memory) in PostgreSQL, keeping the <see cref="IStorage"/>
/// contract: ordinal keys; eTag null = create only, "*" = unconditional, else must match; a batch is all-or-nothing (one
/// transaction; each write names the eTag it expects, so no other write slips in between); every write gets a fresh eTag
/// (a GUID, never reused); bytes are copied in and out. Runs in the turn's <see cref="PostgreSqlUnitOfWork"/>, where a
/// refused batch is undone alone and reads see the turn's writes.
/// </summary>
public sealed class PostgreSqlBotStorage(PostgreSqlDatabase database) : IStorage
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
            ValidateKey(key);
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        if (keys.Count == 0)
            return result;
        return await database.ReadAsync(true, async (connection, transaction) =>
        {
            await using var command = PostgreSqlCommands.Command("SELECT key, data, etag FROM bot_state WHERE key = ANY($1)", connection, transaction,
                [keys.ToArray()]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                result[reader.GetString(0)] = new StoreItem(reader.GetFieldValue<byte[]>(1), reader.GetString(2));
            return (IReadOnlyDictionary<string, StoreItem>)result;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, change) in changes)
        {
            ValidateKey(key);
            ArgumentNullException.ThrowIfNull(change);
        }
        var written = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        if (changes.Count == 0)
            return written;
        await database.WriteAsync(true, async (connection, transaction) =>
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            var order = new List<(string Key, string? Expected)>(changes.Count);
            foreach (var (key, change) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var eTag = Guid.NewGuid().ToString("N");
                written[key] = eTag;
                order.Add((key, change.ETag));
                var command = new NpgsqlBatchCommand(change.ETag switch
                {
                    null => "INSERT INTO bot_state (key, etag, data) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING",
                    StoreItem.AnyETag => "INSERT INTO bot_state (key, etag, data) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data",
                    _ => "UPDATE bot_state SET etag = $2, data = $3 WHERE key = $1 AND etag = $4",
                });
                command.Parameters.Add(new NpgsqlParameter { Value = key });
                command.Parameters.Add(new NpgsqlParameter { Value = eTag });
                command.Parameters.Add(new NpgsqlParameter { Value = change.Utf8Json.ToArray() });
                if (change.ETag is not (null or StoreItem.AnyETag))
                    command.Parameters.Add(new NpgsqlParameter { Value = change.ETag });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < order.Count; i++)
            {
                if (batch.BatchCommands[i].RecordsAffected == 0)
                    throw new StorageConflictException(order[i].Key, order[i].Expected, await CurrentETagAsync(connection, transaction, order[i].Key, cancellationToken).ConfigureAwait(false));
            }
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return written;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
            ValidateKey(key);
        if (keys.Count == 0)
            return;
        await database.WriteAsync(true, async (connection, transaction) =>
        {
            await using var command = PostgreSqlCommands.Command("DELETE FROM bot_state WHERE key = ANY($1)", connection, transaction, [keys.ToArray()]);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> CurrentETagAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = PostgreSqlCommands.Command("SELECT etag FROM bot_state WHERE key = $1", connection, transaction, [key]);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static void ValidateKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > IStorage.MaxKeyLength)
            throw new ArgumentException($"Storage keys are at most {IStorage.MaxKeyLength} characters.", nameof(key));
    }
}
