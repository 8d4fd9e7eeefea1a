namespace Dunning.Bot.Core.Dialogs;

/// <summary>Disputes: when the first message already says what is wrong (section <see cref="SectionName"/>).</summary>
public sealed class DisputeOptions
{
    public const string SectionName = "Dunning:Dispute";

    /// <summary>
    /// A dispute message of at least this many words is taken as the reason in the debtor's own words; a shorter one
    /// ("The invoice is wrong") gets the question what is wrong (default 6, 1–50).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 50)]
    public int MinReasonWords { get; set; } = 6;
}
