namespace Dunning.Bot.Core.Dialogs;

/// <summary>"Already paid": how long dunning stops while staff look for the payment (section <see cref="SectionName"/>).</summary>
public sealed class PaymentClaimOptions
{
    public const string SectionName = "Dunning:PaymentClaim";

    /// <summary>Days without reminders on the invoice after the debtor says it is paid (default 7, 1–90).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 90)]
    public int PaymentClaimPauseDays { get; set; } = 7;

    /// <summary>Ask for the transfer confirmation (a screenshot or PDF) once the claim is noted (default true).</summary>
    public bool AskForProof { get; set; } = true;

    /// <summary>How often a refused file may be sent again before the bot goes on without it (default 3, 1–10).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10)]
    public int ProofAttempts { get; set; } = 3;
}
