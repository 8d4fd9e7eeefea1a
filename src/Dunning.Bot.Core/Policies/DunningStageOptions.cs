namespace Dunning.Bot.Core.Policies;

/// <summary>
/// One rung of the dunning ladder as configured. Amounts are in <see cref="DunningLadderOptions.FeeCurrency"/>.
/// </summary>
public sealed class DunningStageOptions
{
    /// <summary>Wording key of the message in <c>dialogs/</c>, e.g. <c>reminder.friendly</c>; unique in the ladder.</summary>
    public string Key { get; set; } = "";

    /// <summary>Days after the invoice's due date from which this stage may be sent (0 or more, increasing along the ladder).</summary>
    public int OffsetDays { get; set; }

    /// <summary>The payment deadline stated in this stage's message: days after the day it is sent (default 10).</summary>
    public int NewDeadlineDays { get; set; } = 10;

    /// <summary>Fee added for consumers when this stage is reached (default 0: no dunning fees for consumers).</summary>
    public decimal ConsumerFee { get; set; }

    /// <summary>Fee added for businesses when this stage is reached (the default ladder uses the €40 lump sum of §288(5) BGB).</summary>
    public decimal BusinessFee { get; set; }

    /// <summary>
    /// When true, this stage's fee is a once-per-invoice charge (like the §288(5) BGB lump sum): it is charged only if
    /// no earlier stage already charged a once-per-invoice fee for the same debtor kind.
    /// </summary>
    public bool FeeOncePerInvoice { get; set; }

    /// <summary>Whether the early-payment discount ("last offer") may be offered while the invoice is at this stage.</summary>
    public bool DiscountOfferAllowed { get; set; }

    /// <summary>
    /// When true, this stage puts the debtor in default (the first payment request of the default ladder). Such a stage,
    /// like one with a fee or an escalation, waits until the previous reminder was delivered.
    /// </summary>
    public bool StartsDefault { get; set; }

    /// <summary>When true, reaching this stage escalates the case to the owner (e.g. for the legal step).</summary>
    public bool EscalateToOwner { get; set; }

    /// <summary>Whether the debtor gets a message at this stage (default true; the owner-escalation stage is internal).</summary>
    public bool NotifyDebtor { get; set; } = true;
}
