namespace Dunning.Bot.Hosting.Coordination;

/// <summary>
/// At most <see cref="Permits"/> sends of <see cref="Bucket"/> arriving within any <see cref="Window"/>; with a
/// <see cref="Spacing"/>, also a token bucket: after a burst of <see cref="Permits"/> one more send every
/// <see cref="Spacing"/>.
/// </summary>
public sealed record SendLimit
{
    /// <param name="bucket">Whose budget, e.g. <c>telegram:bot:123456</c>; hosts share a budget by this name.</param>
    /// <param name="permits">Sends allowed per window (at least 1).</param>
    /// <param name="window">The sliding window the far side counts in (positive).</param>
    /// <param name="spacing">Zero, or how far apart the bucket's permits free at least (not negative).</param>
    public SendLimit(string bucket, int permits, TimeSpan window, TimeSpan spacing = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(spacing, TimeSpan.Zero);
        (Bucket, Permits, Window, Spacing) = (bucket, permits, window, spacing);
    }

    public string Bucket { get; }

    public int Permits { get; }

    public TimeSpan Window { get; }

    /// <summary>A returned permit frees one <see cref="Window"/> after its answer and, when positive, no sooner than
    /// this after the bucket's permit that frees before it: permits come back one by one, like a token bucket's tokens.</summary>
    public TimeSpan Spacing { get; }
}
