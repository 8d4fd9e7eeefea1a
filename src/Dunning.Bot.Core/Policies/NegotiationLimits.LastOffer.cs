using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

public sealed partial class NegotiationLimits
{
    /// <summary>
    /// The "last offer" a reminder makes on its own (<see cref="EffectiveLimits.LastOffer"/>), or null when none is made:
    /// not configured, switched off for this debtor or invoice (no discount, no deferral), not at this stage (the
    /// discount stages), or beyond what the bot may agree alone (approval threshold, agreements so far). A discount is
    /// payable by <see cref="NegotiationTerms.ValidUntil"/>; a deferral must be accepted by then and is paid on its date.
    /// <see cref="NegotiationTerms.ValidUntil"/> is a working day <see cref="EffectiveLimits.DiscountValidDays"/> after
    /// <see cref="NegotiationContext.Today"/>; the amount is the context's <see cref="NegotiationContext.Amount"/>
    /// (pass the open claim from the statement).
    /// </summary>
    public NegotiationTerms? LastOffer(NegotiationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = LimitsFor(context);
        if (!OfferAllowedAtStage(context, limits))
            return null;
        switch (limits.LastOffer)
        {
            case LastOfferKind.Discount:
                return EvaluateDiscount(null, context) is NegotiationOutcome.Accept discount ? discount.Terms : null;
            case LastOfferKind.Deferral when limits.MaxDeferralDays > 0:
                var latest = WorkingDay(LatestDeferral(context, limits), context);
                return EvaluateDeferral(latest, context) is NegotiationOutcome.Accept { Terms: var deferral }
                    ? deferral with { ValidUntil = WorkingDay(context.Today.AddDays(limits.DiscountValidDays), context) }
                    : null;
            default:
                return null;
        }
    }
}
