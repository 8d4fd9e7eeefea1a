namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>Time zones for tests that run on the real clock and must land inside the default contact hours.</summary>
public static class NoonZone
{
    /// <summary>A fixed-offset IANA zone (Etc/GMT±N, sign inverted by convention) where it is about noon at <paramref name="now"/>.</summary>
    public static string At(DateTimeOffset now)
    {
        var offset = 12 - now.UtcDateTime.Hour;
        return offset switch
        {
            0 => "Etc/UTC",
            > 0 => $"Etc/GMT-{offset}",
            _ => $"Etc/GMT+{-offset}",
        };
    }
}
