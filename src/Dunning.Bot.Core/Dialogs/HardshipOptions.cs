namespace Dunning.Bot.Core.Dialogs;

/// <summary>Hardship: how long dunning stops while a person looks for a solution (section <see cref="SectionName"/>).</summary>
public sealed class HardshipOptions
{
    public const string SectionName = "Dunning:Hardship";

    /// <summary>Days without reminders on all open invoices after the debtor tells of hardship (default 14, 1–180).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 180)]
    public int PauseDays { get; set; } = 14;
}
