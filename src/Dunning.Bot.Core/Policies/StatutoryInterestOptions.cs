namespace Dunning.Bot.Core.Policies;

/// <summary>
/// Statutory default interest (§288 BGB): base rate + <see cref="ConsumerPointsAboveBase"/> (5) for consumers,
/// + <see cref="BusinessPointsAboveBase"/> (9) for businesses, per day. Bound from <see cref="SectionName"/>.
/// <see cref="BaseRates"/> add to (and on the same date replace) the seeded Bundesbank table <see cref="SeededBaseRates"/>,
/// so the owner only adds new half-years (the rate changes on 1 January and 1 July).
/// </summary>
public sealed class StatutoryInterestOptions
{
    public const string SectionName = "Dunning:Interest";

    /// <summary>When false, no interest is computed or shown (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Percentage points above the base rate for consumers (§288(1) BGB; default 5).</summary>
    public decimal ConsumerPointsAboveBase { get; set; } = 5m;

    /// <summary>Percentage points above the base rate when no consumer is involved (§288(2) BGB; default 9).</summary>
    public decimal BusinessPointsAboveBase { get; set; } = 9m;

    /// <summary>Day count (default <see cref="InterestDayCount.Actual365"/>).</summary>
    public InterestDayCount DayCount { get; set; } = InterestDayCount.Actual365;

    /// <summary>When true (default) the seeded table is used under <see cref="BaseRates"/>.</summary>
    public bool UseSeededBaseRates { get; set; } = true;

    /// <summary>Additional or corrected base rates; the owner adds each new half-year's published rate here.</summary>
    public List<BaseRateEntry> BaseRates { get; set; } = [];

    /// <summary>
    /// Published by the Deutsche Bundesbank: −0.88 % from 2016-07-01 until 2022, then 1.62, 3.12, 3.62, 3.37, 2.27,
    /// 1.27 (2025-07-01) and unchanged 1.27 from 2026-01-01. Later rates are added in configuration.
    /// </summary>
    public static IReadOnlyList<BaseRateEntry> SeededBaseRates { get; } =
    [
        new() { ValidFrom = new(2016, 7, 1), RatePercent = -0.88m },
        new() { ValidFrom = new(2023, 1, 1), RatePercent = 1.62m },
        new() { ValidFrom = new(2023, 7, 1), RatePercent = 3.12m },
        new() { ValidFrom = new(2024, 1, 1), RatePercent = 3.62m },
        new() { ValidFrom = new(2024, 7, 1), RatePercent = 3.37m },
        new() { ValidFrom = new(2025, 1, 1), RatePercent = 2.27m },
        new() { ValidFrom = new(2025, 7, 1), RatePercent = 1.27m },
        new() { ValidFrom = new(2026, 1, 1), RatePercent = 1.27m },
    ];

    /// <summary>Every problem with these options, one sentence each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ConsumerPointsAboveBase is < 0m or > 100m || BusinessPointsAboveBase is < 0m or > 100m)
            problems.Add($"{SectionName}: points above base must be between 0 and 100.");
        if (!Enum.IsDefined(DayCount))
            problems.Add($"{SectionName}:DayCount '{DayCount}' is unknown.");
        foreach (var entry in BaseRates.Where(e => e.RatePercent is < -20m or > 50m || e.ValidFrom == default))
            problems.Add($"{SectionName}:BaseRates entry {entry.ValidFrom:yyyy-MM-dd} {entry.RatePercent} % is not plausible (date missing or rate outside -20..50).");
        if (BaseRates.GroupBy(e => e.ValidFrom).FirstOrDefault(g => g.Count() > 1) is { } twice)
            problems.Add($"{SectionName}:BaseRates lists {twice.Key:yyyy-MM-dd} twice.");
        if (!UseSeededBaseRates && BaseRates.Count == 0)
            problems.Add($"{SectionName}: no base rates: enable UseSeededBaseRates or list BaseRates.");
        return problems;
    }
}
