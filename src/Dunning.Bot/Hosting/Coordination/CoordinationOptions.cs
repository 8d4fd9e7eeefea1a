namespace Dunning.Bot.Hosting.Coordination;

/// <summary>
/// How hosts that share one database (<c>Storage:Provider=PostgreSql</c>) agree on who does a one-host job and share
/// the channels' send budgets (section <c>Coordination</c>). With LiteDB there is one host: it always leads and its
/// budgets are its own.
/// </summary>
public sealed class CoordinationOptions
{
    public const string SectionName = "Coordination";

    /// <summary>How often a host that does not lead (Telegram polling) asks again whether it may; also how often the
    /// leader checks that its database connection, and with it the leadership, is still there.</summary>
    [TimeSpanRange("00:00:01", "00:05:00")]
    public TimeSpan LeadershipRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the leader looks for work other hosts stored (with PostgreSQL: Telegram updates posted by
    /// webhook to another host). Each is also announced at once; this catches an announcement that was lost.</summary>
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan SharedInboxCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>With PostgreSQL, the channels' send limits — per bot (Telegram: 30 messages a second), per chat, Teams
    /// conversation and tenant, SMTP account and outbox channel — are one budget for all hosts, kept in the database.
    /// False: each host keeps its own, so N hosts may send N times a limit.</summary>
    public bool ShareSendLimits { get; set; } = true;

    /// <summary>How long a shared send permit stays taken when its host never returns it (it died mid-send); longer than
    /// any send may take (the channels' HTTP timeouts are 30 s). Permit rows free for longer than this are deleted.</summary>
    [TimeSpanRange("00:00:35", "00:30:00")]
    public TimeSpan SendPermitHold { get; set; } = TimeSpan.FromMinutes(2);
}
