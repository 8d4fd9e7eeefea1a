namespace Dunning.Bot.Scheduling;

/// <summary>What one dispatch run did, by outcome.</summary>
public sealed record DispatchReport(int Sent, int Retried, int Deferred, int Cancelled, int Dead, int LostLease)
{
    public static readonly DispatchReport Empty = new(0, 0, 0, 0, 0, 0);

    public int Total => Sent + Retried + Deferred + Cancelled + Dead + LostLease;

    public static DispatchReport operator +(DispatchReport a, DispatchReport b) =>
        new(a.Sent + b.Sent, a.Retried + b.Retried, a.Deferred + b.Deferred, a.Cancelled + b.Cancelled, a.Dead + b.Dead, a.LostLease + b.LostLease);
}
