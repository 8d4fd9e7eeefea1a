using System.Data;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Dunning.Bot.Storage.Migration;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// A PostgreSQL database as the source of a copy (the dry runs' private copy, see <c>Cli/PrivateCopy</c>): every kind
/// is read through <see cref="CopiedTables"/> — the same reads that verify <c>migrate-storage</c> — on one connection
/// in one <c>REPEATABLE READ READ ONLY</c> transaction, so all kinds come from one snapshot of the database, however
/// long the copy takes and whatever running hosts commit meanwhile. Such a transaction writes nothing, takes no row
/// locks and never makes a writer wait (its table locks are <c>ACCESS SHARE</c>, which only DDL waits for). Rows are
/// streamed and handed on in batches, so memory stays bounded by the batch size. Disposing rolls the transaction back
/// and closes the connection.
/// </summary>
internal sealed class PostgreSqlStorageSource : IStorageSource
{
    /// <summary>The connection's <c>application_name</c>, so that the copy can be told apart in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "dunning-private-copy";

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly IReadOnlyDictionary<string, CopiedTable> tables;

    private PostgreSqlStorageSource(NpgsqlConnection connection, NpgsqlTransaction transaction, bool filesInDatabase)
    {
        this.connection = connection;
        this.transaction = transaction;
        tables = CopiedTables.For(filesInDatabase);
    }

    /// <summary>
    /// Opens the snapshot on the database of <paramref name="connectionString"/>; never migrates the schema (a copy
    /// changes nothing), so a database whose applied migrations are not exactly this build's is refused. Throws
    /// <see cref="StorageException"/> naming why not (unreachable, refused, no or another schema).
    /// </summary>
    public static async Task<PostgreSqlStorageSource> OpenAsync(string connectionString, bool filesInDatabase, CancellationToken cancellationToken)
    {
        // Unpooled: the one connection of a copy is closed when the copy ends, not kept open for a next one.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
                await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await CheckSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            return new PostgreSqlStorageSource(connection, transaction, filesInDatabase);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw ex is PostgresException refused
                ? new StorageException($"PostgreSQL refused: {refused.MessageText} ({refused.SqlState})", ex)
                : new StorageException($"PostgreSQL at {builder.Host}:{builder.Port}, database {builder.Database}, cannot be reached: {ex.Message}", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<StoredRecord>> ReadAsync(string kind, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var table = tables.TryGetValue(kind, out var found) ? found : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of stored thing.");
        var batch = new List<StoredRecord>(batchSize);
        await foreach (var record in table.ReadAllAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(record);
            if (batch.Count < batchSize)
                continue;
            yield return batch;
            batch = new List<StoredRecord>(batchSize);
        }
        if (batch.Count > 0)
            yield return batch;
    }

    public void Dispose()
    {
        transaction.Dispose();
        connection.Dispose();
    }

    /// <summary>The applied migrations must be this build's, version by version and text by text (read, never applied).</summary>
    private static async Task CheckSchemaAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new List<(int Version, string Checksum)>();
        await using (var command = new NpgsqlCommand("SELECT version, checksum FROM dunning_migrations ORDER BY version", connection, transaction))
        {
            try
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    applied.Add((reader.GetInt32(0), reader.GetString(1)));
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                throw new StorageException("the database holds no Dunning.Bot schema yet (start a host or import first).", ex);
            }
        }
        var expected = PostgreSqlMigrations.All.Select(m => (m.Version, m.Checksum)).ToList();
        if (!applied.SequenceEqual(expected))
        {
            throw new StorageException(
                $"the database's schema is at migration {(applied.Count == 0 ? 0 : applied[^1].Version)}, this build's at {expected[^1].Version}"
                + " (or a migration's text differs); run the verb with the build the hosts run, or start a host of this build first.");
        }
    }
}
