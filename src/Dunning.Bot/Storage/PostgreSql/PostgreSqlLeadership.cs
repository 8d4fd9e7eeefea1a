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
/// The services of one host that ask for the same role share its lock (the host leads for all of them, or for none),
/// and it is given up when the last of them disposes its lease. A host whose leadership ended asks again only after
/// twice the retry interval, so a host standing by (asking every interval) takes over rather than the one whose
/// connection just failed. The two-key form of the lock never meets the one-key locks of the migrations and of the
/// turns (PostgreSQL keeps the two forms apart), and the role's hash is SHA-256, the same on every host and every run.
/// </remarks>
internal sealed class PostgreSqlLeadership(IOptions<StorageOptions> storage, IOptions<CoordinationOptions> options, TimeProvider clock,
    ILogger<PostgreSqlLeadership> logger) : ILeadership, IDisposable
{
    /// <summary>The first key of every leadership lock: "Dunn".</summary>
    public const int LockSpace = 0x44756E6E;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _asking = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    public bool ManyHosts => true;

    private TimeSpan Interval => options.Value.LeadershipRetryInterval;

    /// <summary>The second key of the lock of <paramref name="role"/>.</summary>
    public static int LockKey(string role) =>
        BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(role)));

    public async Task<LeadershipLease> AcquireAsync(string role, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        if (_ended.TryGetValue(role, out var ended) && ended + 2 * Interval - clock.GetUtcNow() is { Ticks: > 0 } standBy)
            await Task.Delay(standBy, clock, cancellationToken).ConfigureAwait(false);
        var asking = _asking.GetOrAdd(role, _ => new SemaphoreSlim(1, 1));
        var toldWaiting = false;
        while (true)
        {
            await asking.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var lease = Share(role) ?? await TryLeadAsync(role, cancellationToken).ConfigureAwait(false);
                if (lease is not null)
                    return lease;
            }
            finally
            {
                asking.Release();
            }
            if (!toldWaiting)
                logger.LogInformation("Another host leads {Role}; this host stands by and asks again every {Interval}", role, Interval);
            toldWaiting = true;
            await Task.Delay(Interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (var asking in _asking.Values)
            asking.Dispose();
    }

    /// <summary>A lease on the lock this host already holds for <paramref name="role"/>, or null.</summary>
    private LeadershipLease? Share(string role)
    {
        lock (_gate)
        {
            if (!_held.TryGetValue(role, out var held) || held.Lost.IsCancellationRequested)
                return null;
            held.Leases++;
            return Lease(role, held);
        }
    }

    /// <summary>Opens a connection of its own and tries the lock once: the lease, or null when another host holds it.</summary>
    private async Task<LeadershipLease?> TryLeadAsync(string role, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(OwnConnectionString());
        var leading = false;
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var take = PostgreSqlCommands.Command("SELECT pg_try_advisory_lock($1, $2)", connection, null, [LockSpace, LockKey(role)]);
            leading = (bool)(await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
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
        if (!leading)
            return null;
        logger.LogInformation("This host leads {Role}", role);
        var held = new Held(connection);
        held.Watch = WatchAsync(held, role);
        lock (_gate)
            _held[role] = held;
        return Lease(role, held);
    }

    private LeadershipLease Lease(string role, Held held) => new(role, held.Lost.Token, () => ReleaseAsync(role, held));

    /// <summary>Gives the role up when the last lease of this host is disposed.</summary>
    private async ValueTask ReleaseAsync(string role, Held held)
    {
        lock (_gate)
        {
            if (--held.Leases > 0)
                return;
            if (_held.TryGetValue(role, out var current) && ReferenceEquals(current, held))
                _held.Remove(role);
        }
        await held.Resigned.CancelAsync().ConfigureAwait(false);
        await held.Watch.ConfigureAwait(false);
        // Closing the connection (no pool) ends the session, and with it the lock.
        await held.Connection.DisposeAsync().ConfigureAwait(false);
        held.Resigned.Dispose();
        held.Lost.Dispose();
        _ended[role] = clock.GetUtcNow();
        logger.LogInformation("This host gave up leading {Role}", role);
    }

    /// <summary>Waits on the connection (a dropped session ends the wait at once) and pings it every interval;
    /// cancels <see cref="Held.Lost"/> when either fails. Never throws.</summary>
    private async Task WatchAsync(Held held, string role)
    {
        var resigned = held.Resigned.Token;
        try
        {
            while (true)
            {
                await held.Connection.WaitAsync(Interval, resigned).ConfigureAwait(false);
                await using var ping = new NpgsqlCommand("SELECT 1", held.Connection) { CommandTimeout = Math.Max(1, (int)Interval.TotalSeconds) };
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
            // Before any of its services asks again: a host standing by takes over.
            _ended[role] = clock.GetUtcNow();
            await held.Lost.CancelAsync().ConfigureAwait(false);
        }
    }

    private string OwnConnectionString() => new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString)
    {
        Pooling = false,
        TcpKeepAlive = true,
    }.ConnectionString;

    /// <summary>The lock of one role as this host holds it, and how many of its services lead by it.</summary>
    private sealed class Held(NpgsqlConnection connection)
    {
        public NpgsqlConnection Connection { get; } = connection;

        public CancellationTokenSource Lost { get; } = new();

        public CancellationTokenSource Resigned { get; } = new();

        public int Leases { get; set; } = 1;

        public Task Watch { get; set; } = Task.CompletedTask;
    }
}
