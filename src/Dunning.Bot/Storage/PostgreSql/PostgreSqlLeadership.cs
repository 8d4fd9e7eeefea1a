using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dunning.Bot.Hosting.Coordination;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <see cref="ILeadership"/> among the hosts of one PostgreSQL database: the leader of a role holds the session advisory
/// lock <c>pg_try_advisory_lock(<see cref="LockSpace"/>, hash of the role)</c> on a connection of its own (not pooled),
/// kept open while it leads. Closing that connection gives the leadership up; if it drops (network, server restart,
/// <c>pg_terminate_backend</c>) the server releases the lock and the lease is lost at once — a waiting read on the
/// connection notices — or at the latest after the next heartbeat (<see cref="CoordinationOptions.LeadershipRetryInterval"/>).
/// </summary>
/// <remarks>
/// A host whose lease ended asks again only after twice the retry interval, so a host standing by (asking every
/// interval) takes over rather than the one whose connection just failed.
/// The two-key form of the lock never meets the one-key locks of the migrations and of the turns (PostgreSQL keeps
/// the two forms apart), and the role's hash is SHA-256, the same on every host and every run.
/// </remarks>
internal sealed class PostgreSqlLeadership(IOptions<StorageOptions> storage, IOptions<CoordinationOptions> options, TimeProvider clock,
    ILogger<PostgreSqlLeadership> logger) : ILeadership
{
    /// <summary>The first key of every leadership lock: "Dunn".</summary>
    public const int LockSpace = 0x44756E6E;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    private TimeSpan Interval => options.Value.LeadershipRetryInterval;

    /// <summary>The second key of the lock of <paramref name="role"/>.</summary>
    public static int LockKey(string role) =>
        BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(role)));

    public async Task<LeadershipLease> AcquireAsync(string role, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        if (_ended.TryGetValue(role, out var ended) && ended + 2 * Interval - clock.GetUtcNow() is { Ticks: > 0 } standBy)
            await Task.Delay(standBy, clock, cancellationToken).ConfigureAwait(false);
        var toldWaiting = false;
        while (true)
        {
            var connection = new NpgsqlConnection(OwnConnectionString());
            var leading = false;
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var take = PostgreSqlCommands.Command("SELECT pg_try_advisory_lock($1, $2)", connection, null, [LockSpace, LockKey(role)]);
                leading = (bool)(await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                if (leading)
                    return Lead(connection, role);
                if (!toldWaiting)
                    logger.LogInformation("Another host leads {Role}; this host stands by and asks again every {Interval}", role, Interval);
                toldWaiting = true;
            }
            catch (NpgsqlException ex)
            {
                logger.LogWarning("Could not ask the database who leads {Role}: {Error}", role, ex.Message);
            }
            finally
            {
                if (!leading)
                    await connection.DisposeAsync().ConfigureAwait(false);
            }
            await Task.Delay(Interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private LeadershipLease Lead(NpgsqlConnection connection, string role)
    {
        logger.LogInformation("This host leads {Role}", role);
        var lost = new CancellationTokenSource();
        var resigned = new CancellationTokenSource();
        var watch = WatchAsync(connection, role, lost, resigned.Token);
        return new LeadershipLease(role, lost.Token, async () =>
        {
            await resigned.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
            // Closing the connection (no pool) ends the session, and with it the lock.
            await connection.DisposeAsync().ConfigureAwait(false);
            resigned.Dispose();
            lost.Dispose();
            _ended[role] = clock.GetUtcNow();
            logger.LogInformation("This host gave up leading {Role}", role);
        });
    }

    /// <summary>Waits on the connection (a dropped session ends the wait at once) and pings it every interval;
    /// cancels <paramref name="lost"/> when either fails. Never throws.</summary>
    private async Task WatchAsync(NpgsqlConnection connection, string role, CancellationTokenSource lost, CancellationToken resigned)
    {
        try
        {
            while (true)
            {
                await connection.WaitAsync(Interval, resigned).ConfigureAwait(false);
                await using var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = Math.Max(1, (int)Interval.TotalSeconds) };
                await ping.ExecuteScalarAsync(resigned).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (resigned.IsCancellationRequested)
        {
            // Given up on purpose.
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            logger.LogWarning("This host lost the leadership of {Role}: its database connection failed ({Error})", role, ex.Message);
            await lost.CancelAsync().ConfigureAwait(false);
        }
    }

    private string OwnConnectionString() => new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString)
    {
        Pooling = false,
        TcpKeepAlive = true,
    }.ConnectionString;
}
