using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>Small helpers for the stores' SQL: a command with positional parameters ($1, $2, …) from plain values.</summary>
internal static class PostgreSqlCommands
{
    public static NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<object?> parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    /// <summary>Runs <paramref name="sql"/> and returns its first column, one value per row.</summary>
    public static async Task<List<TValue>> ColumnAsync<TValue>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, connection, transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var values = new List<TValue>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            values.Add(reader.GetFieldValue<TValue>(0));
        return values;
    }

    /// <summary>How many rows all the statements of <paramref name="batch"/> changed.</summary>
    public static int Affected(NpgsqlBatch batch)
    {
        var rows = 0;
        for (var i = 0; i < batch.BatchCommands.Count; i++)
            rows += batch.BatchCommands[i].RecordsAffected;
        return rows;
    }
}
