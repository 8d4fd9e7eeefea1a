using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

public sealed partial class NegotiationLimits
{
    /// <summary>
    /// An early-payment discount of <paramref name="requestedPercent"/> (null = the owner's maximum, the "last offer"),
    /// payable in one amount until today + <see cref="EffectiveLimits.DiscountValidDays"/>. Only at the configured stages
    /// (<see cref="NegotiationLimitsOptions.DiscountStages"/>, or the stage's DiscountOfferAllowed flag when that list is
    /// empty). Above the maximum: a counter-offer of the maximum. The discount is rounded half away from zero to the
    /// minor unit and subtracted; the schedule holds the amount to pay.
    /// </summary>
    public NegotiationOutcome EvaluateDiscount(decimal? requestedPercent, NegotiationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var amount = context.Settle();
        var limits = LimitsFor(context);
        if (requestedPercent is < 0m or >= 100m)
            return new NegotiationOutcome.Refuse("invalid_request", null);
        var validUntil = WorkingDay(context.Today.AddDays(limits.DiscountValidDays), context);
        var requested = Discount(amount, requestedPercent ?? limits.MaxDiscountPercent, validUntil);
        if (Gate(amount, context, limits, () => requested) is { } gated)
            return gated;
        if (limits.MaxDiscountPercent <= 0m)
            return new NegotiationOutcome.Refuse("discount_not_offered", null);
        if (!OfferAllowedAtStage(context, limits))
            return new NegotiationOutcome.Refuse("discount_not_at_stage", null);
        return requestedPercent is { } asked && asked > limits.MaxDiscountPercent
            ? new NegotiationOutcome.CounterOffer(Discount(amount, limits.MaxDiscountPercent, validUntil), null, "discount_too_high")
            : new NegotiationOutcome.Accept(requested);
    }

    /// <summary>The stage of the context allows the discount or last offer (DiscountStages, else the stage's own flag).</summary>
    private static bool OfferAllowedAtStage(NegotiationContext context, EffectiveLimits limits) =>
        limits.DiscountStages.Count > 0
            ? context.StageKey is { } key && limits.DiscountStages.Contains(key, StringComparer.Ordinal)
            : context.StageAllowsDiscount;

    private static NegotiationTerms Discount(Money amount, decimal percent, DateOnly validUntil)
    {
        var off = Math.Round(amount.Amount * percent / 100m, Currency.MinorUnits(amount.Currency), MidpointRounding.AwayFromZero);
        return new NegotiationTerms(AgreementKind.Discount, amount.Currency, [new Instalment(validUntil, amount.Amount - off)], percent, validUntil);
    }
}
