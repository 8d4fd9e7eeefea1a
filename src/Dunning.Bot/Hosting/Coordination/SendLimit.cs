namespace Dunning.Bot.Hosting.Coordination;

/// <summary>At most <see cref="Permits"/> sends of <see cref="Bucket"/> arriving within any <see cref="Window"/>.</summary>
public sealed record SendLimit
{
    /// <param name="bucket">Whose budget, e.g. <c>telegram:bot:123456</c>; hosts share a budget by this name.</param>
    /// <param name="permits">Sends allowed per window (at least 1).</param>
    /// <param name="window">The sliding window the far side counts in (positive).</param>
    public SendLimit(string bucket, int permits, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        (Bucket, Permits, Window) = (bucket, permits, window);
    }

    public string Bucket { get; }

    public int Permits { get; }

    public TimeSpan Window { get; }
}
