using System.ComponentModel.DataAnnotations;

namespace Dunning.Bot.Staff.Insights;

/// <summary>When the insights advise (section <see cref="SectionName"/>).</summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Insights";

    /// <summary>A group of objections gets a suggestion once at least this many debtors raised it.</summary>
    [Range(1, 10_000)]
    public int MinDebtorsForAdvice { get; set; } = 2;

    /// <summary>… and at least this share (0–1) of its family: of all disputes for a dispute reason, else of all debtors with objections.</summary>
    [Range(0.0, 1.0)]
    public double MinShareForAdvice { get; set; } = 0.2;

    /// <summary>How many months back the monthly trend goes (the current month included).</summary>
    [Range(1, 120)]
    public int TrendMonths { get; set; } = 12;
}
