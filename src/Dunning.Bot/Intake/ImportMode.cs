namespace Dunning.Bot.Intake;

/// <summary>How an import treats invalid rows and whether it writes.</summary>
[Flags]
public enum ImportMode
{
    /// <summary>Any invalid row: nothing is imported.</summary>
    AllOrNothing = 0,

    /// <summary>Invalid rows (and the other rows of their invoice) are left out and reported; the rest is imported.</summary>
    SkipInvalid = 1,

    /// <summary>Everything is checked and counted, nothing is written.</summary>
    DryRun = 2,
}
