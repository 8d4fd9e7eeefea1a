using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// Single statements for the ports that are synchronous (the Telegram, Teams and e-mail channels' state, as their LiteDB
/// counterparts are): each runs on its own pooled connection and commits at once. None joins a unit of work — their LiteDB
/// counterparts do not either. The schema is migrated first, as for every other store.
/// </summary>
internal static class PostgreSqlSync
{
    /// <summary>Runs <paramref name="sql"/> ($1, $2, … for <paramref name="parameters"/>) and returns how many rows it changed.</summary>
    public static int Execute(PostgreSqlDatabase database, string sql, params object?[] parameters)
    {
        using var connection = Open(database);
        using var command = PostgreSqlCommands.Command(sql, connection, null, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The rows <paramref name="sql"/> selects, each made into a <typeparamref name="T"/> by <paramref name="map"/>.</summary>
    public static List<T> Rows<T>(PostgreSqlDatabase database, string sql, Func<NpgsqlDataReader, T> map, params object?[] parameters)
    {
        using var connection = Open(database);
        using var command = PostgreSqlCommands.Command(sql, connection, null, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }

    /// <summary>The first column of the first row <paramref name="sql"/> selects, or default when it selects none.</summary>
    public static T? Single<T>(PostgreSqlDatabase database, string sql, params object?[] parameters) =>
        Rows(database, sql, r => r.IsDBNull(0) ? default : r.GetFieldValue<T>(0), parameters).FirstOrDefault();

    /// <summary>The stored "latest wins" value under <paramref name="key"/> in <c>channel_state</c>, or null.</summary>
    public static T? FindState<T>(PostgreSqlDatabase database, string key)
        where T : class =>
        Single<string>(database, "SELECT doc::text FROM channel_state WHERE key = $1", key) is { } json ? PostgreSqlJson.Deserialize<T>(json) : null;

    /// <summary>Replaces (or creates) the value under <paramref name="key"/> in <c>channel_state</c>; its version moves on.</summary>
    public static void SaveState<T>(PostgreSqlDatabase database, string key, T value, string? debtorId = null) =>
        Execute(database, """
            INSERT INTO channel_state (key, version, debtor_id, doc) VALUES ($1, 1, $2, $3::jsonb)
            ON CONFLICT (key) DO UPDATE SET version = channel_state.version + 1, debtor_id = excluded.debtor_id, doc = excluded.doc
            """, key, debtorId, PostgreSqlJson.Serialize(value));

    private static NpgsqlConnection Open(PostgreSqlDatabase database)
    {
        database.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        return database.DataSource.OpenConnection();
    }
}
