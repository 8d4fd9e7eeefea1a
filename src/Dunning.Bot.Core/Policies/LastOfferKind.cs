namespace Dunning.Bot.Core.Policies;

/// <summary>What the reminders offer on their own at the stages that allow it (<see cref="NegotiationLimitsOptions.LastOffer"/>).</summary>
public enum LastOfferKind
{
    /// <summary>No proactive offer; the debtor may still ask.</summary>
    None,

    /// <summary>The early-payment discount of <see cref="NegotiationLimitsOptions.MaxDiscountPercent"/>.</summary>
    Discount,

    /// <summary>A deferral of <see cref="NegotiationLimitsOptions.MaxDeferralDays"/>, agreed when the debtor says yes in time.</summary>
    Deferral,
}
