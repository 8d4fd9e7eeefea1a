using System.Collections.Concurrent;
using Dunning.Bot.Hosting.Coordination;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <see cref="ISendBudget"/> shared by every host of one PostgreSQL database: a bucket's permits are rows of
/// <c>dunning_send_permits</c>. Taking one is one statement (<c>UPDATE … FOR UPDATE SKIP LOCKED … RETURNING</c>, in
/// autocommit, outside the turn's transaction so other hosts see it at once); returning it after the answer is a
/// second one, off the sender's path. Permits free up one window (plus <see cref="LocalSendBudget.Allowance"/>) after
/// the answer by the database's clock, so any <c>Permits + 1</c> sends of all hosts arrive more than a window apart.
/// </summary>
/// <remarks>
/// While no permit is free, one waiter per host and bucket asks again when the first permit frees (the database says
/// when), at most one window later; the host's other senders queue behind it in order.
/// </remarks>
internal sealed class PostgreSqlSendBudget(PostgreSqlDatabase database, IOptions<CoordinationOptions> options, TimeProvider clock,
    ILogger<PostgreSqlSendBudget> logger) : ISendBudget, IDisposable
{
    private const string Take = """
        WITH taken AS (
            UPDATE dunning_send_permits SET free_at = clock_timestamp() + $3, holder = $4
            WHERE bucket = $1 AND permit = (
                SELECT permit FROM dunning_send_permits
                WHERE bucket = $1 AND permit < $2 AND free_at <= clock_timestamp()
                ORDER BY free_at LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING permit)
        SELECT (SELECT permit FROM taken),
               (SELECT min(free_at) FROM dunning_send_permits WHERE bucket = $1 AND permit < $2) - clock_timestamp()
        """;

    private const string Return = """
        UPDATE dunning_send_permits SET free_at = clock_timestamp() + $3, holder = NULL
        WHERE bucket = $1 AND permit = $2 AND holder = $4
        """;

    private const string Create = """
        INSERT INTO dunning_send_permits (bucket, permit, free_at)
        SELECT $1, n, 'epoch' FROM generate_series(0, $2 - 1) n
        ON CONFLICT DO NOTHING
        """;

    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(2);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _asking = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Bucket, int Permits), bool> _created = new();

    public async ValueTask<IAsyncDisposable> EnterAsync(SendLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        await CreatePermitsAsync(limit, cancellationToken).ConfigureAwait(false);
        var asking = _asking.GetOrAdd(limit.Bucket, _ => new SemaphoreSlim(1, 1));
        await asking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var holder = Guid.NewGuid();
                var (permit, firstFree) = await TryTakeAsync(limit, holder, cancellationToken).ConfigureAwait(false);
                if (permit is { } taken)
                    return new Permit(this, limit, taken, holder);
                var wait = firstFree is { } free && free < limit.Window ? free : limit.Window;
                await Task.Delay(wait < ShortestWait ? ShortestWait : wait, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            asking.Release();
        }
    }

    public void Dispose()
    {
        foreach (var asking in _asking.Values)
            asking.Dispose();
    }

    /// <summary>Makes sure the bucket has its permits (once per process and permit count; a smaller count leaves the
    /// rows above it unused).</summary>
    private async Task CreatePermitsAsync(SendLimit limit, CancellationToken cancellationToken)
    {
        if (_created.ContainsKey((limit.Bucket, limit.Permits)))
            return;
        await database.ReadAsync(false, async (connection, _) =>
        {
            await using var create = PostgreSqlCommands.Command(Create, connection, null, [limit.Bucket, limit.Permits]);
            return await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        _created[(limit.Bucket, limit.Permits)] = true;
    }

    /// <summary>One statement in autocommit (hence <see cref="PostgreSqlDatabase.ReadAsync{T}"/>, without the flow's unit):
    /// the permit taken, or null and how long until the first permit frees.</summary>
    private Task<(int? Permit, TimeSpan? FirstFree)> TryTakeAsync(SendLimit limit, Guid holder, CancellationToken cancellationToken) =>
        database.ReadAsync(false, async (connection, _) =>
        {
            await using var take = PostgreSqlCommands.Command(Take, connection, null,
                [limit.Bucket, limit.Permits, options.Value.SendPermitHold, holder]);
            await using var reader = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return (reader.IsDBNull(0) ? (int?)null : reader.GetInt32(0), reader.IsDBNull(1) ? (TimeSpan?)null : reader.GetTimeSpan(1));
        }, cancellationToken);

    private async Task ReturnAsync(SendLimit limit, int permit, Guid holder)
    {
        try
        {
            await database.ReadAsync(false, async (connection, _) =>
            {
                await using var free = PostgreSqlCommands.Command(Return, connection, null,
                    [limit.Bucket, permit, limit.Window + LocalSendBudget.Allowance, holder]);
                return await free.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            // Safe: the permit frees itself when its hold ends.
            logger.LogWarning("Could not return send permit {Permit} of {Bucket} ({Error}); it frees itself after {Hold}",
                permit, limit.Bucket, ex.Message, options.Value.SendPermitHold);
        }
    }

    private sealed class Permit(PostgreSqlSendBudget budget, SendLimit limit, int permit, Guid holder) : IAsyncDisposable
    {
        private int _returned;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
                _ = budget.ReturnAsync(limit, permit, holder);
            return ValueTask.CompletedTask;
        }
    }
}
