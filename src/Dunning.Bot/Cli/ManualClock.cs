namespace Dunning.Bot.Cli;

/// <summary>A clock that stands still until moved (the simulation's time; never goes backwards).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void MoveTo(DateTimeOffset instant)
    {
        if (instant > now)
            now = instant;
    }
}
