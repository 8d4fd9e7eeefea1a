using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Statements;

/// <summary>
/// What one invoice stands at on <see cref="Today"/>, as the debtor may be told: its <see cref="Claim"/> (principal,
/// interest and fees since default, payments and write-offs), the amount due, the current deadline and what the ladder
/// does next. Amounts are in the invoice's currency; <see cref="Due"/> is the claim's open amount
/// (principal + interest + fees − paid − written off + credit), and zero for a paid or written-off invoice.
/// </summary>
public sealed record InvoiceStatement
{
    public required Invoice Invoice { get; init; }

    public required DateOnly Today { get; init; }

    public required InvoiceStatus Status { get; init; }

    /// <summary>The claim this statement shows; every amount below is taken from it.</summary>
    public required Claim Claim { get; init; }

    public Money Principal => Claim.Principal;

    public Money Paid => Claim.Paid;

    public Money Interest => Claim.Interest;

    public Money Fees => Claim.Fees;

    public Money WrittenOff => Claim.WrittenOff;

    /// <summary>What was paid beyond the claim (the owner refunds or offsets it).</summary>
    public Money Credit => Claim.Credit;

    public required Money Due { get; init; }

    /// <summary>The ladder stage reached (0 = nothing sent yet).</summary>
    public required int Stage { get; init; }

    /// <summary>The day the last reminder for this invoice was sent (debtor's local date), if one was.</summary>
    public DateOnly? LastReminderOn { get; init; }

    /// <summary>The deadline stated in the last reminder sent, else the due date.</summary>
    public required DateOnly Deadline { get; init; }

    /// <summary>The next ladder stage, or null when the ladder is finished.</summary>
    public DunningStage? NextStage { get; init; }

    /// <summary>The earliest day the next stage may come (never before <see cref="Today"/>).</summary>
    public DateOnly? NextStageOn { get; init; }

    /// <summary>True when the next stage is the last one that messages the debtor (a final notice).</summary>
    public bool NextIsLastNotice { get; init; }

    /// <summary>The fee the next stage adds (zero when none).</summary>
    public required Money NextStageFee { get; init; }

    /// <summary>The yearly default-interest rate in percent running today, or null when no interest runs.</summary>
    public decimal? InterestRatePercent { get; init; }

    public string Number => Invoice.Number;

    /// <summary>True while something is owed on it (not paid, not written off).</summary>
    public bool IsOpen => Status is not (InvoiceStatus.Paid or InvoiceStatus.WrittenOff);

    /// <summary>True when reminders are on hold (disputed or paused).</summary>
    public bool IsOnHold => Status is InvoiceStatus.Disputed or InvoiceStatus.Paused;
}
