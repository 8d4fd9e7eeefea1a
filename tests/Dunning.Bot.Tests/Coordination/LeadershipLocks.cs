using Dunning.Bot.Storage.PostgreSql;
using Npgsql;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>The leadership locks (<see cref="PostgreSqlLeadership"/>) held in one test database, seen from outside.</summary>
internal static class LeadershipLocks
{
    private const string Held =
        "FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = $1::oid AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    public static Task<int> CountAsync(string connection) => ScalarAsync(connection, "SELECT count(*)::int " + Held);

    /// <summary>Ends the sessions holding them, as a network cut or a database restart would; returns how many.</summary>
    public static Task<int> TerminateHoldersAsync(string connection) =>
        ScalarAsync(connection, "SELECT count(pg_terminate_backend(pid))::int " + Held);

    private static async Task<int> ScalarAsync(string connection, string sql)
    {
        await using var admin = new NpgsqlConnection(connection);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        command.Parameters.Add(new NpgsqlParameter { Value = (long)PostgreSqlLeadership.LockSpace });
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
