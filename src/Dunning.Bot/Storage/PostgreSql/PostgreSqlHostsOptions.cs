using System.ComponentModel.DataAnnotations;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// Several hosts on one PostgreSQL database (configuration section <c>Storage:Hosts</c>): how long a turn waits for its
/// conversation while another host runs one of its turns, and how each host keeps its listening connection for the live
/// updates of the others (<see cref="PostgreSqlChangeListener"/>). Used only with <c>Storage:Provider=PostgreSql</c>.
/// </summary>
public sealed class PostgreSqlHostsOptions
{
    public const string SectionName = "Storage:Hosts";

    /// <summary>
    /// How long a turn waits for the conversation's lock while a turn of the same conversation runs (on this host or
    /// another). Past it the turn is refused as a conflict: the debtor gets the neutral error reply, nothing is written and
    /// the dialog state is kept.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TurnLockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the listening connection may stay silent before the host checks it with a query (a dead connection is then replaced).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ListenKeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause between attempts to re-open a lost listening connection (the pause doubles from one second up to it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ListenRetryMax { get; set; } = TimeSpan.FromSeconds(30);
}
