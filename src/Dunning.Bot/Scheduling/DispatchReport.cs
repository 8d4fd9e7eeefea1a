namespace Dunning.Bot.Scheduling;

/// <summary>What one dispatch run did, by outcome.</summary>
public sealed record DispatchReport(int Sent, int Retried, int Deferred, int Cancelled, int Dead, int LostLease)
{
    public static readonly DispatchReport Empty = new(0, 0, 0, 0, 0, 0);

    public int Total => Sent + Retried + Deferred + Cancelled + Dead + LostLease;

    /// <summary>The outcome of a one-entry report, as the delivery metric names it.</summary>
    public string Outcome =>
        Sent > 0 ? "sent" : Retried > 0 ? "retried" : Deferred > 0 ? "deferred" : Cancelled > 0 ? "cancelled" : Dead > 0 ? "dead" : LostLease > 0 ? "lost_lease" : "none";

    public static DispatchReport operator +(DispatchReport a, DispatchReport b) =>
        new(a.Sent + b.Sent, a.Retried + b.Retried, a.Deferred + b.Deferred, a.Cancelled + b.Cancelled, a.Dead + b.Dead, a.LostLease + b.LostLease);
}
