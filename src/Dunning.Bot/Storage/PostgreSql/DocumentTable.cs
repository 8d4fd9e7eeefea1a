using Npgsql;
using NpgsqlTypes;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// How one entity type lives in its table: the key column, the version counter, the real columns derived from the
/// entity (for queries and unique indexes) and the whole entity as JSONB in <c>doc</c>. Reads and versioned writes of
/// any such table go through here, so a batch can write several tables in one transaction.
/// </summary>
internal sealed class DocumentTable<T>(string name, string key, Func<T, string> idOf, Func<T, int> versionOf, Action<T, int> setVersion,
    params (string Column, Func<T, object?> Value)[] columns)
    where T : class
{
    public string Name { get; } = name;

    public string Key { get; } = key;

    public string IdOf(T entity) => idOf(entity);

    public int VersionOf(T entity) => versionOf(entity);

    public void SetVersion(T entity, int version) => setVersion(entity, version);

    /// <summary><c>SELECT version, doc FROM table</c> followed by <paramref name="tail"/> (a WHERE / ORDER BY / LIMIT with $n parameters).</summary>
    public async Task<List<T>> SelectAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string tail, IReadOnlyList<object?> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = PostgreSqlCommands.Command($"SELECT version, doc::text FROM {Name} {tail}", connection, transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // The column holds the version; the document was serialized before its write moved the version on.
            var entity = PostgreSqlJson.Deserialize<T>(reader.GetString(1));
            setVersion(entity, reader.GetInt32(0));
            found.Add(entity);
        }
        return found;
    }

    /// <summary>
    /// Writes <paramref name="entities"/> in one round trip inside the caller's transaction, each with its version check:
    /// Version 0 inserts (the key must be free), otherwise the stored version must equal the entity's. The first that
    /// fails throws <see cref="Core.Ports.ConcurrencyConflictException"/> (the caller's transaction then writes nothing).
    /// Versions move on only after the caller committed (<see cref="Advance"/>).
    /// </summary>
    public async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<T> entities, CancellationToken cancellationToken)
    {
        if (entities.Count == 0)
            return;
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var entity in entities)
            batch.BatchCommands.Add(WriteCommand(entity));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < entities.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected == 0)
            {
                var expected = versionOf(entities[i]);
                throw PostgreSqlErrors.Conflict(Name, idOf(entities[i]), expected == 0 ? "it already exists" : $"expected version {expected}, it moved on or is gone");
            }
        }
    }

    /// <summary>After the write committed: each entity's Version is what the database now holds.</summary>
    public void Advance(IEnumerable<T> entities)
    {
        foreach (var entity in entities)
            setVersion(entity, versionOf(entity) + 1);
    }

    /// <summary>
    /// An insert of <paramref name="entity"/> as it is, its version included (the storage migration keeps versions, so a
    /// host that read an entity before the move saves it after). The caller made sure the key is free.
    /// </summary>
    public NpgsqlBatchCommand CopyCommand(T entity)
    {
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO {Name} ({Key}, version{string.Concat(columns.Select(c => $", {c.Column}"))}, doc) " +
            $"VALUES ($1, $2{string.Concat(columns.Select((_, i) => $", ${i + 3}"))}, ${columns.Length + 3})");
        command.Parameters.Add(new NpgsqlParameter { Value = idOf(entity) });
        command.Parameters.Add(new NpgsqlParameter { Value = versionOf(entity) });
        foreach (var (_, value) in columns)
            command.Parameters.Add(new NpgsqlParameter { Value = value(entity) ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlJson.Serialize(entity), NpgsqlDbType = NpgsqlDbType.Jsonb });
        return command;
    }

    /// <summary>One versioned insert or update (see <see cref="WriteAsync"/>); affects one row or none.</summary>
    public NpgsqlBatchCommand WriteCommand(T entity)
    {
        var expected = versionOf(entity);
        var names = columns.Select(c => c.Column).ToList();
        var command = new NpgsqlBatchCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = idOf(entity) });
        command.Parameters.Add(new NpgsqlParameter { Value = expected });
        foreach (var (_, value) in columns)
            command.Parameters.Add(new NpgsqlParameter { Value = value(entity) ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlJson.Serialize(entity), NpgsqlDbType = NpgsqlDbType.Jsonb });
        var doc = $"${columns.Length + 3}";
        if (expected == 0)
        {
            var list = string.Concat(names.Select(n => $", {n}"));
            var values = string.Concat(names.Select((_, i) => $", ${i + 3}"));
            command.CommandText = $"INSERT INTO {Name} ({Key}, version{list}, doc) VALUES ($1, $2 + 1{values}, {doc}) ON CONFLICT ({Key}) DO NOTHING";
        }
        else
        {
            var sets = string.Concat(names.Select((n, i) => $", {n} = ${i + 3}"));
            command.CommandText = $"UPDATE {Name} SET version = $2 + 1{sets}, doc = {doc} WHERE {Key} = $1 AND version = $2";
        }
        return command;
    }
}
