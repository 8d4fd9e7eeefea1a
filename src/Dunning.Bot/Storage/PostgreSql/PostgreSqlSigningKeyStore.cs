using Dunning.Bot.Channels.WebChat;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// The web chat's token signing keys in PostgreSQL: the first key stored under an id is the key of every host for good
/// (an insert that finds the id taken keeps the stored key). Synchronous, as the port is: it is read once at start-up.
/// </summary>
public sealed class PostgreSqlSigningKeyStore(PostgreSqlDatabase database) : ISigningKeyStore
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public byte[] GetOrAdd(string keyId, byte[] candidate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(candidate);
        database.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var connection = database.DataSource.OpenConnection();
        using (var insert = PostgreSqlCommands.Command("INSERT INTO signing_keys (key_id, key) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING", connection, null,
            [keyId, candidate]))
            insert.ExecuteNonQuery();
        using var read = PostgreSqlCommands.Command("SELECT key FROM signing_keys WHERE key_id = $1", connection, null, [keyId]);
        return (byte[])read.ExecuteScalar()!;
    }
}
