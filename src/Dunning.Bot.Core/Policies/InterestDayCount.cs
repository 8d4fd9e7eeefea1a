namespace Dunning.Bot.Core.Policies;

/// <summary>How a day's share of the yearly rate is computed.</summary>
public enum InterestDayCount
{
    /// <summary>Actual days / 365, also in leap years (common German practice for default interest; the default).</summary>
    Actual365,

    /// <summary>Actual days / days of that calendar year (366 in leap years).</summary>
    ActualActual,
}
