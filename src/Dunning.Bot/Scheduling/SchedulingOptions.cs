using Quartz;

namespace Dunning.Bot.Scheduling;

/// <summary>
/// The schedule's timers and the outbox dispatcher (section <c>Scheduling</c>). Quartz only wakes the host; what is due
/// lives in LiteDB (<c>NextActionAt</c> of the cases, <c>DueAt</c> of the outbox).
/// </summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Run the sweep and the dispatcher in this host (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron expression of the sweep (default every 5 minutes). A sweep also runs at start-up.</summary>
    public string SweepCron { get; set; } = "0 0/5 * * * ?";

    /// <summary>Cases read per page of a sweep (default 500); a sweep pages until no due case is left.</summary>
    public int SweepPageSize { get; set; } = 500;

    /// <summary>How often the dispatcher looks for due outbox entries (default 10 s; it also runs right after a sweep).</summary>
    public int DispatchIntervalSeconds { get; set; } = 10;

    /// <summary>Outbox entries leased per batch (default 50).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Debtors of one batch whose entries are sent side by side (default 4, as many as <c>Email:Smtp:Connections</c>):
    /// a send mostly waits for the channel's answer. One debtor's entries always go one after the other, so each sees the
    /// one before it (caps, quiet periods). 1 sends the batch strictly in order.
    /// </summary>
    public int DispatchConcurrency { get; set; } = 4;

    /// <summary>Delivery attempts before an entry is given up as undeliverable (default 8).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; it doubles per attempt up to <see cref="BackoffMaxSeconds"/> (default 30 s).</summary>
    public int BackoffBaseSeconds { get; set; } = 30;

    /// <summary>Longest retry delay (default 1 hour). A channel's Retry-After is honoured as given.</summary>
    public int BackoffMaxSeconds { get; set; } = 3600;

    /// <summary>
    /// How long a leased entry belongs to the dispatcher (default 120 s). After a crash, entries still leased are sent
    /// again once their lease has expired: the at-least-once window is exactly the entries leased at that moment.
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>
    /// Hours a web chat reminder may stay unfetched before it goes by e-mail (default 24), when the debtor has an e-mail
    /// address and the e-mail channel is on. Until a client fetches it, it is "sent, not yet delivered".
    /// </summary>
    public int WebChatFallbackHours { get; set; } = 24;

    /// <summary>Proactive sends per channel id; channels not listed use <see cref="DefaultRateLimit"/>.</summary>
    public Dictionary<string, ChannelRateLimit> RateLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["telegram"] = new() { Permits = 25, PerSeconds = 1 },
        ["msteams"] = new() { Permits = 7, PerSeconds = 1 },
        ["webchat"] = new() { Permits = 50, PerSeconds = 1 },
    };

    public ChannelRateLimit DefaultRateLimit { get; set; } = new();

    public ChannelRateLimit RateLimitFor(string channel) => RateLimits.GetValueOrDefault(channel) ?? DefaultRateLimit;

    /// <summary>The retry delay after <paramref name="attempts"/> failed attempts (exponential, capped).</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(BackoffMaxSeconds, BackoffBaseSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30))));

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!CronExpression.TryParse(SweepCron, out _))
            problems.Add($"{SectionName}:SweepCron '{SweepCron}' is not a valid Quartz cron expression (e.g. \"0 0/5 * * * ?\").");
        if (SweepPageSize is < 1 or > 100_000)
            problems.Add($"{SectionName}:SweepPageSize must be between 1 and 100000 (is {SweepPageSize}).");
        if (DispatchIntervalSeconds is < 1 or > 3600)
            problems.Add($"{SectionName}:DispatchIntervalSeconds must be between 1 and 3600 (is {DispatchIntervalSeconds}).");
        if (BatchSize is < 1 or > 10_000)
            problems.Add($"{SectionName}:BatchSize must be between 1 and 10000 (is {BatchSize}).");
        if (DispatchConcurrency is < 1 or > 64)
            problems.Add($"{SectionName}:DispatchConcurrency must be between 1 and 64 (is {DispatchConcurrency}).");
        if (MaxAttempts is < 1 or > 100)
            problems.Add($"{SectionName}:MaxAttempts must be between 1 and 100 (is {MaxAttempts}).");
        if (BackoffBaseSeconds < 1 || BackoffMaxSeconds < BackoffBaseSeconds)
            problems.Add($"{SectionName}: BackoffBaseSeconds must be at least 1 and BackoffMaxSeconds at least BackoffBaseSeconds.");
        if (WebChatFallbackHours is < 1 or > 24 * 30)
            problems.Add($"{SectionName}:WebChatFallbackHours must be between 1 and 720 (is {WebChatFallbackHours}).");
        if (LeaseSeconds is < 5 or > 3600)
            problems.Add($"{SectionName}:LeaseSeconds must be between 5 and 3600 (is {LeaseSeconds}).");
        foreach (var (channel, limit) in RateLimits.Append(new("(default)", DefaultRateLimit)))
        {
            if (limit.Permits < 1 || limit.PerSeconds < 1)
                problems.Add($"{SectionName}:RateLimits:{channel} needs Permits and PerSeconds of at least 1.");
        }
        return problems;
    }
}

/// <summary>At most <see cref="Permits"/> proactive sends every <see cref="PerSeconds"/> seconds on one channel.</summary>
public sealed class ChannelRateLimit
{
    public int Permits { get; set; } = 10;

    public int PerSeconds { get; set; } = 1;
}
