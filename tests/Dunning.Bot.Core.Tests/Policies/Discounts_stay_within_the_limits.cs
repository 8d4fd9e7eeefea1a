using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using static Dunning.Bot.Core.Tests.Policies.NegotiationFixtures;
using static Dunning.Bot.Core.Tests.Policies.PolicyFixtures;

namespace Dunning.Bot.Core.Tests.Policies;

public class Discounts_stay_within_the_limits
{
    private readonly NegotiationLimits limits = Negotiation();

    [Fact]
    public void The_last_offer_is_the_maximum_discount_valid_for_seven_days()
    {
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateDiscount(null, Context()));
        Assert.Equal((AgreementKind.Discount, 3m, Day("2026-11-27")), (accept.Terms.Kind, accept.Terms.DiscountPercent!.Value, accept.Terms.ValidUntil!.Value));
        Assert.Equal([(Day("2026-11-27"), 465.60m)], Rows(accept.Terms));
    }

    [Fact]
    public void Exactly_the_maximum_is_accepted_and_more_is_countered_with_the_maximum()
    {
        Assert.IsType<NegotiationOutcome.Accept>(limits.EvaluateDiscount(3m, Context()));
        var counter = Is<NegotiationOutcome.CounterOffer>(limits.EvaluateDiscount(3.01m, Context()));
        Assert.Equal(("discount_too_high", 3m), (counter.Reason, counter.Offer.DiscountPercent!.Value));
        Assert.Null(counter.Alternative);
    }

    [Fact]
    public void The_discount_is_rounded_half_away_from_zero_to_the_cent()
    {
        // 333.33 * 2.5 % = 8.33325 -> 8.33 off -> 325.00 to pay.
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateDiscount(2.5m, Context(333.33m)));
        Assert.Equal(325.00m, accept.Terms.Amount.Amount);
        // 100.10 * 2.5 % = 2.5025 -> 2.50 off; 100.20 * 2.5 % = 2.505 -> 2.51 off.
        Assert.Equal(97.60m, Is<NegotiationOutcome.Accept>(limits.EvaluateDiscount(2.5m, Context(100.10m))).Terms.Amount.Amount);
        Assert.Equal(97.69m, Is<NegotiationOutcome.Accept>(limits.EvaluateDiscount(2.5m, Context(100.20m))).Terms.Amount.Amount);
    }

    [Fact]
    public void Only_at_the_configured_stages()
    {
        Assert.Equal("discount_not_at_stage", Is<NegotiationOutcome.Refuse>(limits.EvaluateDiscount(null, Context(discountStage: false))).Reason);
        var onlyFinal = Negotiation(new NegotiationLimitsOptions { DiscountStages = ["notice.final"] });
        Assert.Equal("discount_not_at_stage", Is<NegotiationOutcome.Refuse>(onlyFinal.EvaluateDiscount(null, Context(stageKey: "request.second"))).Reason);
        Assert.IsType<NegotiationOutcome.Accept>(onlyFinal.EvaluateDiscount(null, Context(discountStage: false, stageKey: "notice.final")));
        Assert.Equal("discount_not_at_stage", Is<NegotiationOutcome.Refuse>(onlyFinal.EvaluateDiscount(null, Context(stageKey: null))).Reason);
    }

    [Fact]
    public void Discounts_can_be_switched_off_and_nonsense_percentages_are_refused()
    {
        var off = Negotiation(new NegotiationLimitsOptions { MaxDiscountPercent = 0m });
        Assert.Equal("discount_not_offered", Is<NegotiationOutcome.Refuse>(off.EvaluateDiscount(1m, Context())).Reason);
        Assert.Equal("invalid_request", Is<NegotiationOutcome.Refuse>(limits.EvaluateDiscount(-1m, Context())).Reason);
        Assert.Equal("invalid_request", Is<NegotiationOutcome.Refuse>(limits.EvaluateDiscount(100m, Context())).Reason);
    }

    [Fact]
    public void A_discount_above_the_threshold_needs_a_person_with_the_requested_terms()
    {
        var approval = Is<NegotiationOutcome.NeedsApproval>(limits.EvaluateDiscount(5m, Context(10000m)));
        Assert.Equal(("above_threshold", 9500m), (approval.Reason, approval.Requested!.Amount.Amount));
    }
}
