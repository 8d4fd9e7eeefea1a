using System.Runtime.CompilerServices;
using Dunning.Bot.Storage.Migration;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// How the storage migration reads and writes one kind in its PostgreSQL table: <paramref name="select"/> selects the id
/// first and then what <paramref name="read"/> turns into a value; <paramref name="id"/> is the id's SQL expression. A
/// grouped kind (transcripts, audit log: rows without ids of their own) folds the rows of one id, in
/// <paramref name="order"/>, into one value with <paramref name="group"/>. A table other rows hang on (<c>ON DELETE
/// CASCADE</c>) is written with <paramref name="upsert"/>: its inserts replace a row themselves (<c>ON CONFLICT … DO
/// UPDATE</c>) instead of a delete first, which would take the dependent rows with it.
/// </summary>
internal sealed class CopiedTable(string kind, string table, string id, string select, string order, Func<NpgsqlDataReader, object> read,
    Func<StoredRecord, IEnumerable<NpgsqlBatchCommand>> insert, Func<List<object>, object>? group = null, bool upsert = false)
{
    public string Kind { get; } = kind;

    public async Task<IReadOnlyDictionary<string, StoredRecord>> FindAsync(NpgsqlConnection connection, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        await using var command = PostgreSqlCommands.Command($"{select} WHERE {id} = ANY($1) ORDER BY {id}, {order}", connection, null, [ids.ToArray()]);
        await foreach (var record in RecordsAsync(command, cancellationToken).ConfigureAwait(false))
            found[record.Id] = record;
        return found;
    }

    /// <summary>Every record of the table, grouped by id.</summary>
    public async IAsyncEnumerable<StoredRecord> ReadAllAsync(NpgsqlConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = PostgreSqlCommands.Command($"{select} ORDER BY {id}, {order}", connection, null, []);
        await foreach (var record in RecordsAsync(command, cancellationToken).ConfigureAwait(false))
            yield return record;
    }

    /// <summary>Replaces what the table holds under the records' ids by <paramref name="records"/>, inside the caller's transaction.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (!upsert)
        {
            var delete = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE {id} = ANY($1)");
            delete.Parameters.Add(new NpgsqlParameter { Value = records.Select(r => r.Id).ToArray() });
            batch.BatchCommands.Add(delete);
        }
        foreach (var record in records)
        {
            foreach (var command in insert(record))
                batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<StoredRecord> RecordsAsync(NpgsqlCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? current = null;
        var parts = new List<object>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rowId = reader.GetString(0);
            var value = read(reader);
            if (group is null)
            {
                yield return new StoredRecord(Kind, rowId, value);
                continue;
            }
            if (current is not null && !string.Equals(current, rowId, StringComparison.Ordinal))
            {
                yield return new StoredRecord(Kind, current, group(parts));
                parts = [];
            }
            current = rowId;
            parts.Add(value);
        }
        if (current is not null && group is not null)
            yield return new StoredRecord(Kind, current, group(parts));
    }
}
