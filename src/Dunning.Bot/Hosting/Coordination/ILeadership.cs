namespace Dunning.Bot.Hosting.Coordination;

/// <summary>
/// Decides which of the hosts sharing one database does a job that must run on one host at a time (Telegram polling).
/// With one host (LiteDB) it always leads (<see cref="AlwaysLeader"/>); with PostgreSQL the leader holds a session
/// advisory lock on a connection of its own.
/// </summary>
public interface ILeadership
{
    /// <summary>True when other hosts may share the storage (PostgreSQL): what they store is not signalled in this
    /// process, so a leader looks for it now and then. False for a host alone on its storage (LiteDB).</summary>
    bool ManyHosts { get; }

    /// <summary>
    /// Waits until this host leads <paramref name="role"/> (asking again every
    /// <see cref="CoordinationOptions.LeadershipRetryInterval"/>), then returns the lease. Its <see cref="LeadershipLease.Lost"/>
    /// is cancelled the moment the leadership ends without being given up (the database connection dropped): stop the
    /// job at once. Disposing the lease gives the leadership up; another host takes it within the retry interval.
    /// Services of one host that ask for the same role lead together: the role is given up with the last lease.
    /// </summary>
    /// <param name="role">What is led, e.g. <c>telegram-polling:123456</c>; hosts agree on it by name.</param>
    /// <param name="cancellationToken">Stops waiting (shutdown).</param>
    Task<LeadershipLease> AcquireAsync(string role, CancellationToken cancellationToken);
}
