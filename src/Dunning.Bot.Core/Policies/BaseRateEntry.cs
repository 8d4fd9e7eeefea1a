namespace Dunning.Bot.Core.Policies;

/// <summary>A base rate (Basiszinssatz, §247 BGB) valid from <see cref="ValidFrom"/> until the next entry; may be negative.</summary>
public sealed class BaseRateEntry
{
    public DateOnly ValidFrom { get; set; }

    /// <summary>Percent per year, e.g. <c>1.27</c>.</summary>
    public decimal RatePercent { get; set; }
}
