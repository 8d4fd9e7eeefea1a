using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// One turn's writes in ONE PostgreSQL transaction — the equivalent of the LiteDB unit of work. Begun by
/// <see cref="PostgreSqlDatabase.BeginUnitOfWork"/> for the current async flow; the stores that join it (bot state,
/// conversation links, transcripts) run their statements in its transaction, which opens with the first of them. Each
/// write runs under a savepoint, so a refused write (version conflict, taken value) is undone alone and surfaces where it
/// always did. <see cref="CommitAsync"/> returns after PostgreSQL committed; disposed without commit, it rolls back.
/// Statements of one unit run one at a time (a connection runs one command at a time), even when the turn starts
/// parallel work.
/// </summary>
public sealed class PostgreSqlUnitOfWork : IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlDatabase database;
    private readonly SemaphoreSlim gate = new(1, 1);
    private NpgsqlConnection? connection;
    private NpgsqlTransaction? transaction;
    private bool done;

    // Several hosts: the conversations whose turn lock this unit holds, and what runs once it committed.
    private readonly HashSet<long> conversations = [];
    private List<Action>? afterCommit;

    internal PostgreSqlUnitOfWork(PostgreSqlDatabase database) => this.database = database;

    /// <summary>Neither committed nor disposed yet.</summary>
    public bool IsOpen => !done;

    /// <summary>True once a statement opened the unit's transaction.</summary>
    public bool HasStarted => transaction is not null;

    /// <summary>Commits the unit's transaction (nothing to do when no store joined); on failure nothing is written.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(done, this);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            done = true;
            database.EndUnitOfWork(this);
            if (transaction is not null)
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await CloseAsync().ConfigureAwait(false);
            gate.Release();
        }
        foreach (var action in afterCommit ?? [])
            action();
    }

    /// <summary>
    /// Holds the conversation's lock (<see cref="PostgreSqlTurnLock"/>) until this unit commits or rolls back, so turns of
    /// one conversation on several hosts run one after the other; opens the unit's transaction. Holding it again is free.
    /// Waits at most <paramref name="timeout"/>, then <see cref="Conversations.State.StorageConflictException"/>.
    /// </summary>
    public async Task LockConversationAsync(string channelId, string conversationId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var key = PostgreSqlTurnLock.Key(channelId, conversationId);
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var (held, tx, release) = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        using (release)
        {
            if (conversations.Contains(key))
                return;
            await PostgreSqlTurnLock.TakeAsync(held, tx, key, timeout, cancellationToken).ConfigureAwait(false);
            conversations.Add(key);
        }
    }

    /// <summary>Runs <paramref name="action"/> after the unit committed (never when it rolls back); it must not throw.</summary>
    internal void OnCommitted(Action action)
    {
        ObjectDisposedException.ThrowIf(done, this);
        (afterCommit ??= []).Add(action);
    }

    /// <summary>Without <see cref="CommitAsync"/>: rolls everything back.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!done)
        {
            done = true;
            database.EndUnitOfWork(this);
        }
        await CloseAsync().ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The unit's connection and transaction, held until the returned handle is disposed.</summary>
    internal async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction, IDisposable Release)> AcquireAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(done, this);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(done, this);
            if (connection is null)
            {
                connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            }
            return (connection, transaction!, new Release(gate));
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    internal async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        var (held, tx, release) = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        using (release)
        {
            await tx.SaveAsync("unit_write", cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await write(held, tx).ConfigureAwait(false);
                await tx.ReleaseAsync("unit_write", cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch
            {
                await tx.RollbackAsync("unit_write", CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
    }

    private async Task CloseAsync()
    {
        if (transaction is not null)
            await transaction.DisposeAsync().ConfigureAwait(false);
        if (connection is not null)
            await connection.DisposeAsync().ConfigureAwait(false);
        (transaction, connection) = (null, null);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                gate.Release();
        }
    }
}
