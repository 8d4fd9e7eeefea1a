using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using static Dunning.Bot.Core.Tests.Policies.NegotiationFixtures;
using static Dunning.Bot.Core.Tests.Policies.PolicyFixtures;

namespace Dunning.Bot.Core.Tests.Policies;

public class Instalment_plans_stay_within_the_limits
{
    private readonly NegotiationLimits limits = Negotiation();

    [Fact]
    public void Six_monthly_instalments_starting_within_14_days_are_accepted()
    {
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateInstalments(new(Count: 6), Context()));
        Assert.Equal(AgreementKind.InstalmentPlan, accept.Terms.Kind);
        Assert.Equal(
            [(Day("2026-12-04"), 80m), (Day("2027-01-04"), 80m), (Day("2027-02-04"), 80m), (Day("2027-03-04"), 80m), (Day("2027-04-05"), 80m), (Day("2027-05-04"), 80m)],
            Rows(accept.Terms));
    }

    [Fact]
    public void Seven_instalments_are_countered_with_six()
    {
        var counter = Is<NegotiationOutcome.CounterOffer>(limits.EvaluateInstalments(new(Count: 7), Context()));
        Assert.Equal("too_many_instalments", counter.Reason);
        Assert.Equal(6, counter.Offer.Schedule.Count);
        Assert.Equal([(Day("2026-12-28"), 480m)], Rows(counter.Alternative!));
    }

    [Fact]
    public void The_remainder_cents_go_to_the_last_instalment_and_the_plan_adds_up_exactly()
    {
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateInstalments(new(Count: 3), Context(1000m)));
        Assert.Equal([333.33m, 333.33m, 333.34m], accept.Terms.Schedule.Select(i => i.Amount));
        Assert.Equal(Money.Euro(1000m), accept.Terms.Amount);
    }

    [Fact]
    public void Instalments_of_exactly_the_minimum_are_accepted_and_one_cent_less_drops_an_instalment()
    {
        Assert.IsType<NegotiationOutcome.Accept>(limits.EvaluateInstalments(new(Count: 6), Context(300m)));
        var counter = Is<NegotiationOutcome.CounterOffer>(limits.EvaluateInstalments(new(Count: 6), Context(299.99m)));
        Assert.Equal("instalment_too_small", counter.Reason);
        Assert.Equal([59.99m, 59.99m, 59.99m, 59.99m, 60.03m], counter.Offer.Schedule.Select(i => i.Amount));
        Assert.Equal(299.99m, counter.Offer.Amount.Amount);
    }

    [Fact]
    public void Twelve_instalments_of_40_become_the_largest_count_that_fits_the_minimum()
    {
        var options = new Dunning.Bot.Core.Policies.NegotiationLimitsOptions();
        options.Overrides.Debtors["D-1"] = new() { MaxInstalments = 12, MaxPlanDays = 400 };
        var counter = Is<NegotiationOutcome.CounterOffer>(Negotiation(options).EvaluateInstalments(new(AmountPerInstalment: 40m), Context()));
        Assert.Equal("instalment_too_small", counter.Reason);
        Assert.Equal(9, counter.Offer.Schedule.Count);
        Assert.Equal(53.33m, counter.Offer.Schedule[0].Amount);
        Assert.Equal(53.36m, counter.Offer.Schedule[^1].Amount);
    }

    [Fact]
    public void The_first_instalment_may_be_exactly_14_days_away_and_a_day_later_is_moved_back()
    {
        Assert.IsType<NegotiationOutcome.Accept>(limits.EvaluateInstalments(new(Count: 2, FirstDueDate: Day("2026-12-04")), Context()));
        var counter = Is<NegotiationOutcome.CounterOffer>(limits.EvaluateInstalments(new(Count: 2, FirstDueDate: Day("2026-12-05")), Context()));
        Assert.Equal("first_instalment_too_late", counter.Reason);
        Assert.Equal(Day("2026-12-04"), counter.Offer.Schedule[0].DueDate);
    }

    [Fact]
    public void The_plan_may_end_exactly_at_MaxPlanDays_and_one_day_less_drops_the_last_instalment()
    {
        // 2026-11-20 + 165 days = 2027-05-04, the sixth monthly date from 2026-12-04.
        var atLimit = new Dunning.Bot.Core.Policies.NegotiationLimitsOptions { MaxPlanDays = 165 };
        Assert.IsType<NegotiationOutcome.Accept>(Negotiation(atLimit).EvaluateInstalments(new(Count: 6), Context()));
        var tooShort = new Dunning.Bot.Core.Policies.NegotiationLimitsOptions { MaxPlanDays = 164 };
        var counter = Is<NegotiationOutcome.CounterOffer>(Negotiation(tooShort).EvaluateInstalments(new(Count: 6), Context()));
        Assert.Equal(("plan_too_long", 5), (counter.Reason, counter.Offer.Schedule.Count));
    }

    [Fact]
    public void Without_a_count_the_plan_uses_the_most_instalments_allowed()
    {
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateInstalments(new(), Context(240m)));
        Assert.Equal(4, accept.Terms.Schedule.Count);
        Assert.All(accept.Terms.Schedule, i => Assert.Equal(60m, i.Amount));
    }

    [Fact]
    public void A_single_payment_or_a_small_balance_is_not_an_instalment_plan()
    {
        var single = Is<NegotiationOutcome.Refuse>(limits.EvaluateInstalments(new(Count: 1), Context()));
        Assert.Equal("single_payment", single.Reason);
        Assert.Equal(Day("2026-12-28"), single.Alternative!.LastDueDate);
        Assert.Equal("single_payment", Is<NegotiationOutcome.Refuse>(limits.EvaluateInstalments(new(AmountPerInstalment: 600m), Context())).Reason);
        Assert.Equal("balance_too_small_for_instalments", Is<NegotiationOutcome.Refuse>(limits.EvaluateInstalments(new(Count: 2), Context(99.99m))).Reason);
        Assert.IsType<NegotiationOutcome.Accept>(limits.EvaluateInstalments(new(Count: 2), Context(100m)));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-3, null)]
    [InlineData(1001, null)]
    [InlineData(null, -5.0)]
    [InlineData(null, 0.0)]
    public void Nonsense_requests_are_refused_as_invalid(int? count, double? amount)
    {
        var outcome = limits.EvaluateInstalments(new(count, (decimal?)amount), Context());
        Assert.Equal("invalid_request", Is<NegotiationOutcome.Refuse>(outcome).Reason);
    }

    [Fact]
    public void A_huge_count_is_capped_without_building_a_huge_schedule()
    {
        var counter = Is<NegotiationOutcome.CounterOffer>(limits.EvaluateInstalments(new(Count: 1000), Context()));
        Assert.Equal(6, counter.Offer.Schedule.Count);
    }

    [Fact]
    public void Plans_can_be_switched_off_and_a_first_date_in_the_past_is_refused()
    {
        var off = Negotiation(new Dunning.Bot.Core.Policies.NegotiationLimitsOptions { MaxInstalments = 1 });
        Assert.Equal("instalments_not_offered", Is<NegotiationOutcome.Refuse>(off.EvaluateInstalments(new(Count: 3), Context())).Reason);
        Assert.Equal("date_in_past", Is<NegotiationOutcome.Refuse>(limits.EvaluateInstalments(new(Count: 3, FirstDueDate: Day("2026-11-19")), Context())).Reason);
    }

    [Fact]
    public void Zero_decimal_currencies_split_into_whole_units_with_their_own_minimum()
    {
        var options = new Dunning.Bot.Core.Policies.NegotiationLimitsOptions();
        options.MinInstalmentAmountByCurrency["JPY"] = 1000m;
        // Without its own threshold 10,000 JPY would exceed the plain 5,000 and need a person.
        Assert.IsType<NegotiationOutcome.NeedsApproval>(Negotiation(options).EvaluateInstalments(new(Count: 3), Context(10000m, currency: "JPY")));
        options.ApprovalThresholdByCurrency["JPY"] = 800000m;
        var accept = Is<NegotiationOutcome.Accept>(Negotiation(options).EvaluateInstalments(new(Count: 3), Context(10000m, currency: "JPY")));
        Assert.Equal([3333m, 3333m, 3334m], accept.Terms.Schedule.Select(i => i.Amount));
    }

    [Fact]
    public void Monthly_dates_from_the_31st_clamp_to_the_end_of_shorter_months()
    {
        // 2028: the 31st of January and March and the 29th of February are all working days.
        var context = Context() with { Today = Day("2028-01-20"), CurrentDeadline = Day("2028-01-25") };
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateInstalments(new(Count: 3, FirstDueDate: Day("2028-01-31")), context));
        Assert.Equal([Day("2028-01-31"), Day("2028-02-29"), Day("2028-03-31")], accept.Terms.Schedule.Select(i => i.DueDate));
    }
}
