using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL database of the process (a singleton): one pooled <see cref="NpgsqlDataSource"/>, the schema migrated
/// once (<see cref="PostgreSqlMigrations"/>), and the unit of work of the current async flow. Stores ask it for a
/// connection (<see cref="ReadAsync"/>) or a transaction (<see cref="WriteAsync"/>); a store that joins the flow's
/// <see cref="PostgreSqlUnitOfWork"/> gets the unit's connection and transaction instead, so a turn's writes commit
/// together and its reads see them.
/// </summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private readonly AsyncLocal<PostgreSqlUnitOfWork?> unitOfWork = new();
    private readonly SemaphoreSlim migrated = new(1, 1);
    private volatile bool isMigrated;

    public PostgreSqlDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The unit of work of the current async flow, if one was begun and is not finished.</summary>
    public PostgreSqlUnitOfWork? UnitOfWork => unitOfWork.Value is { IsOpen: true } open ? open : null;

    /// <summary>Why <paramref name="connectionString"/> cannot be used (null when Npgsql accepts it).</summary>
    public static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(parsed.Host) ? "it names no Host." : null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Applies the pending migrations once per process (safe from several hosts at once). The host does it at start-up;
    /// every read and write makes sure of it too, so a command-line verb on PostgreSQL needs no start-up of its own.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (isMigrated)
            return;
        await migrated.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!isMigrated)
                await PostgreSqlMigrations.ApplyAsync(DataSource, cancellationToken).ConfigureAwait(false);
            isMigrated = true;
        }
        finally
        {
            migrated.Release();
        }
    }

    /// <summary>
    /// Starts collecting the writes of this async flow (and the flows it starts) of the stores that join units of work
    /// into one PostgreSQL transaction. Commit it before answering the caller; dispose it in any case.
    /// </summary>
    public PostgreSqlUnitOfWork BeginUnitOfWork()
    {
        if (UnitOfWork is not null)
            throw new InvalidOperationException("A unit of work is already open in this flow.");
        var begun = new PostgreSqlUnitOfWork(this);
        unitOfWork.Value = begun;
        return begun;
    }

    internal void EndUnitOfWork(PostgreSqlUnitOfWork finished)
    {
        if (ReferenceEquals(unitOfWork.Value, finished))
            unitOfWork.Value = null;
    }

    /// <summary>Runs <paramref name="read"/> on a pooled connection, or on the flow's unit of work when <paramref name="joinUnit"/>.</summary>
    internal async Task<T> ReadAsync<T>(bool joinUnit, Func<NpgsqlConnection, NpgsqlTransaction?, Task<T>> read, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (joinUnit && UnitOfWork is { } unit)
        {
            var (connection, transaction, release) = await unit.AcquireAsync(cancellationToken).ConfigureAwait(false);
            using (release)
                return await read(connection, transaction).ConfigureAwait(false);
        }
        await using var own = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await read(own, null).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction: committed entirely or not at all. Inside the flow's unit of work
    /// (when <paramref name="joinUnit"/>) it runs in the unit's transaction under a savepoint, so a refused write (an
    /// exception) leaves the unit's other writes as they were. PostgreSQL's unique violations become
    /// <see cref="UniqueValueException"/>, lost serialization races <see cref="Core.Ports.ConcurrencyConflictException"/>.
    /// </summary>
    internal async Task<T> WriteAsync<T>(bool joinUnit, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (joinUnit && UnitOfWork is { } unit)
                return await unit.WriteAsync(write, cancellationToken).ConfigureAwait(false);
            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await write(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (PostgresException ex) when (PostgreSqlErrors.Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public void Dispose() => DataSource.Dispose();

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        migrated.Dispose();
    }
}
