using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Dunning.Bot.Storage.Migration;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// A PostgreSQL database as the target of a storage migration (<c>migrate-storage</c>): migrated to the current schema
/// first, then written kind by kind through <see cref="CopiedTables"/>, one transaction per batch.
/// </summary>
internal sealed class PostgreSqlStorageTarget(PostgreSqlDatabase database, bool filesInDatabase) : IStorageTarget
{
    private readonly IReadOnlyDictionary<string, CopiedTable> tables = CopiedTables.For(filesInDatabase);

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException && ex is not PostgresException)
        {
            var target = new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString);
            throw new StorageException($"PostgreSQL at {target.Host}:{target.Port}, database {target.Database}, cannot be reached: {ex.Message}", ex);
        }
        catch (PostgresException ex)
        {
            throw new StorageException($"PostgreSQL refused: {ex.MessageText} ({ex.SqlState})", ex);
        }
    }

    public Task<IReadOnlyDictionary<string, StoredRecord>> FindAsync(string kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        database.ReadAsync(false, (connection, _) => Table(kind).FindAsync(connection, ids, cancellationToken), cancellationToken);

    public Task WriteAsync(string kind, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken) =>
        database.WriteAsync(false, async (connection, transaction) =>
        {
            await Table(kind).WriteAsync(connection, transaction, records, cancellationToken).ConfigureAwait(false);
            return records.Count;
        }, cancellationToken);

    public async IAsyncEnumerable<StoredRecord> ReadAllAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var record in Table(kind).ReadAllAsync(connection, cancellationToken).ConfigureAwait(false))
            yield return record;
    }

    private CopiedTable Table(string kind) =>
        tables.TryGetValue(kind, out var table) ? table : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of stored thing.");
}
