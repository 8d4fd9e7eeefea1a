using System.Collections.Concurrent;
using Dunning.Bot.Hosting.Coordination;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <see cref="ISendBudget"/> shared by every host of one PostgreSQL database: a bucket's permits are rows of
/// <c>dunning_send_permits</c>. Taking one is one statement (<c>UPDATE … FOR UPDATE SKIP LOCKED … RETURNING</c>, in
/// autocommit, outside the turn's transaction so other hosts see it at once), which also adds the bucket's next row when
/// none is free and the bucket has fewer than its permits (the one above its highest; a gap cleaning left only when the
/// top is full, so a bucket of 100,000 permits does not scan them all); returning it after the answer is a second one, off the
/// sender's path. Permits free up one window (plus <see cref="LocalSendBudget.Allowance"/>) after the answer by the
/// database's clock, so any <c>Permits + 1</c> sends of all hosts arrive more than a window apart; with a
/// <see cref="SendLimit.Spacing"/> also no sooner than that after the bucket's latest returned permit.
/// </summary>
/// <remarks>
/// While no permit is free, one waiter per host and bucket asks again when the first permit frees (the database says
/// when), at most one window later; the host's other senders queue behind it in order. Buckets per chat or conversation
/// would leave a row for every chat ever written to: each return also deletes a few rows free for longer than
/// <see cref="CoordinationOptions.SendPermitHold"/> (a missing row is a free permit), so the table holds about the rows
/// of the buckets in use.
/// </remarks>
internal sealed class PostgreSqlSendBudget(PostgreSqlDatabase database, IOptions<CoordinationOptions> options, TimeProvider clock,
    ILogger<PostgreSqlSendBudget> logger) : ISendBudget, IDisposable
{
    private const string Take = """
        WITH taken AS (
            UPDATE dunning_send_permits SET free_at = clock_timestamp() + $3, holder = $4
            WHERE bucket = $1 AND permit = (
                SELECT permit FROM dunning_send_permits
                WHERE bucket = $1 AND permit BETWEEN 0 AND $2 - 1 AND free_at <= clock_timestamp()
                ORDER BY free_at LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING permit),
        added AS (
            INSERT INTO dunning_send_permits (bucket, permit, free_at, holder)
            SELECT $1, n, clock_timestamp() + $3, $4 FROM (
                SELECT CASE WHEN top < $2 THEN top ELSE (
                    SELECT min(g) FROM generate_series(0, $2 - 1) g
                    WHERE NOT EXISTS (SELECT FROM dunning_send_permits p WHERE p.bucket = $1 AND p.permit = g)) END AS n
                FROM (SELECT coalesce(max(permit) + 1, 0) AS top FROM dunning_send_permits WHERE bucket = $1 AND permit >= 0) highest) next
            WHERE n IS NOT NULL AND NOT EXISTS (SELECT FROM taken)
            ON CONFLICT DO NOTHING
            RETURNING permit)
        SELECT coalesce((SELECT permit FROM taken), (SELECT permit FROM added)),
               (SELECT min(free_at) FROM dunning_send_permits WHERE bucket = $1 AND permit BETWEEN 0 AND $2 - 1) - clock_timestamp()
        """;

    /// <remarks>A spaced bucket's latest free time is the row <c>permit = -1</c>: concurrent returns of the bucket each
    /// move it on by the spacing, one after the other (the upsert locks it and reads its newest value), so no two
    /// permits free at the same moment whichever hosts return them.</remarks>
    private const string Return = """
        WITH spaced AS (
            INSERT INTO dunning_send_permits AS p (bucket, permit, free_at)
            SELECT $1, -1, clock_timestamp() + $3
            WHERE $7::interval IS NOT NULL
              AND EXISTS (SELECT FROM dunning_send_permits WHERE bucket = $1 AND permit = $2 AND holder = $4)
            ON CONFLICT (bucket, permit) DO UPDATE SET free_at = greatest(p.free_at + $7::interval, clock_timestamp() + $3)
            RETURNING free_at),
        returned AS (
            UPDATE dunning_send_permits SET holder = NULL,
                free_at = coalesce((SELECT free_at FROM spaced), clock_timestamp() + $3)
            WHERE bucket = $1 AND permit = $2 AND holder = $4)
        DELETE FROM dunning_send_permits WHERE (bucket, permit) IN (
            SELECT bucket, permit FROM dunning_send_permits
            WHERE free_at < clock_timestamp() - $5 AND bucket <> $1
            ORDER BY free_at LIMIT $6
            FOR UPDATE SKIP LOCKED)
        """;

    /// <summary>Idle rows one return deletes at most: more than the one row a send may add, so cleaning keeps up.</summary>
    private const int IdleRowsPerReturn = 8;

    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(2);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _asking = new(StringComparer.Ordinal);

    public async ValueTask<IAsyncDisposable> EnterAsync(SendLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var asking = _asking.GetOrAdd(limit.Bucket, _ => new SemaphoreSlim(1, 1));
        await asking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var attempt = await TryTakeAsync(limit, cancellationToken).ConfigureAwait(false);
                if (attempt.Permit is { } taken)
                    return taken;
                await Task.Delay(attempt.RetryAfter, clock, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            asking.Release();
        }
    }

    public async ValueTask<SendAttempt> TryEnterAsync(SendLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return await TryTakeAsync(limit, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var asking in _asking.Values)
            asking.Dispose();
    }

    /// <summary>
    /// One statement in autocommit (hence <see cref="PostgreSqlDatabase.ReadAsync{T}"/>, without the flow's unit): the
    /// permit taken, or none and how long until the first permit frees (at once when another host just added the row
    /// this one wanted). The statement itself is not cancelled: a permit taken while the caller gave up is returned,
    /// not left taken until its hold ends.
    /// </summary>
    private async Task<SendAttempt> TryTakeAsync(SendLimit limit, CancellationToken cancellationToken)
    {
        var holder = Guid.NewGuid();
        var (permit, firstFree) = await database.ReadAsync(false, async (connection, _) =>
        {
            await using var take = PostgreSqlCommands.Command(Take, connection, null,
                [limit.Bucket, limit.Permits, options.Value.SendPermitHold, holder]);
            await using var reader = await take.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
            await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            return (reader.IsDBNull(0) ? (int?)null : reader.GetInt32(0), reader.IsDBNull(1) ? (TimeSpan?)null : reader.GetTimeSpan(1));
        }, cancellationToken).ConfigureAwait(false);
        if (permit is { } taken)
        {
            var held = new Permit(this, limit, taken, holder);
            if (!cancellationToken.IsCancellationRequested)
                return SendAttempt.Taken(held);
            await held.DisposeAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
        var wait = firstFree switch
        {
            null => ShortestWait,
            { } free when free < ShortestWait => ShortestWait,
            { } free when free < limit.Window => free,
            _ => limit.Window,
        };
        return SendAttempt.Refused(wait);
    }

    private async Task ReturnAsync(SendLimit limit, int permit, Guid holder)
    {
        try
        {
            await database.ReadAsync(false, async (connection, _) =>
            {
                await using var free = PostgreSqlCommands.Command(Return, connection, null,
                    [limit.Bucket, permit, limit.Window + LocalSendBudget.Allowance, holder, options.Value.SendPermitHold, IdleRowsPerReturn,
                        limit.Spacing > TimeSpan.Zero ? limit.Spacing : null]);
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
