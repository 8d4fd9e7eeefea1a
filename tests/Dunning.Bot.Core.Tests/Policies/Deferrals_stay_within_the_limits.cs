using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Microsoft.Extensions.Options;
using static Dunning.Bot.Core.Tests.Policies.NegotiationFixtures;
using static Dunning.Bot.Core.Tests.Policies.PolicyFixtures;

namespace Dunning.Bot.Core.Tests.Policies;

public class Deferrals_stay_within_the_limits
{
    private readonly NegotiationLimits limits = Negotiation();

    [Fact]
    public void A_deferral_exactly_30_days_after_the_deadline_is_accepted_for_the_next_working_day()
    {
        // 26 December 2026 is a Saturday and a holiday: §193 BGB moves the date to Monday the 28th.
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateDeferral(Day("2026-12-26"), Context()));
        Assert.Equal(AgreementKind.Deferral, accept.Terms.Kind);
        Assert.Equal([(Day("2026-12-28"), 480m)], Rows(accept.Terms));
        Assert.IsType<NegotiationOutcome.Accept>(limits.EvaluateDeferral(Day("2026-12-27"), Context()));
    }

    [Fact]
    public void One_day_more_gets_the_latest_date_and_an_instalment_alternative()
    {
        var counter = Is<NegotiationOutcome.CounterOffer>(limits.EvaluateDeferral(Day("2026-12-29"), Context()));
        Assert.Equal("deferral_too_long", counter.Reason);
        Assert.Equal([(Day("2026-12-28"), 480m)], Rows(counter.Offer));
        Assert.Equal([(Day("2026-12-04"), 240m), (Day("2027-01-04"), 240m)], Rows(counter.Alternative!));
    }

    [Fact]
    public void A_far_request_gets_three_instalments_of_160_reaching_towards_the_asked_date()
    {
        // "I can offer 30 days, until 26 December, or three instalments of 160 EUR."
        var counter = Is<NegotiationOutcome.CounterOffer>(limits.EvaluateDeferral(Day("2027-02-05"), Context()));
        Assert.Equal(Day("2026-12-28"), counter.Offer.LastDueDate);
        Assert.Equal([(Day("2026-12-04"), 160m), (Day("2027-01-04"), 160m), (Day("2027-02-04"), 160m)], Rows(counter.Alternative!));
    }

    [Fact]
    public void A_passed_deadline_counts_the_deferral_from_today()
    {
        var context = Context() with { CurrentDeadline = Day("2026-11-01") };
        // today + 30 = Sunday 20 December, so Monday the 21st is the latest date.
        Assert.IsType<NegotiationOutcome.Accept>(limits.EvaluateDeferral(Day("2026-12-21"), context));
        Assert.Equal(Day("2026-12-21"), Is<NegotiationOutcome.CounterOffer>(limits.EvaluateDeferral(Day("2026-12-22"), context)).Offer.LastDueDate);
    }

    [Fact]
    public void A_date_in_the_past_is_refused()
    {
        Assert.Equal("date_in_past", Is<NegotiationOutcome.Refuse>(limits.EvaluateDeferral(Day("2026-11-19"), Context())).Reason);
        Assert.IsType<NegotiationOutcome.Accept>(limits.EvaluateDeferral(Day("2026-11-20"), Context()));
    }

    [Fact]
    public void Without_deferrals_the_refusal_offers_instalments()
    {
        var none = Negotiation(new NegotiationLimitsOptions { MaxDeferralDays = 0 });
        var refuse = Is<NegotiationOutcome.Refuse>(none.EvaluateDeferral(Day("2026-12-01"), Context()));
        Assert.Equal("deferral_not_offered", refuse.Reason);
        Assert.Equal(480m, refuse.Alternative!.Amount.Amount);
    }

    [Fact]
    public void Exactly_at_the_approval_threshold_the_bot_decides_and_one_cent_more_needs_a_person()
    {
        Assert.IsType<NegotiationOutcome.Accept>(limits.EvaluateDeferral(Day("2026-12-01"), Context(5000m)));
        var approval = Is<NegotiationOutcome.NeedsApproval>(limits.EvaluateDeferral(Day("2027-03-01"), Context(5000.01m)));
        Assert.Equal("above_threshold", approval.Reason);
        Assert.Equal([(Day("2027-03-01"), 5000.01m)], Rows(approval.Requested!));
    }

    [Fact]
    public void The_third_agreement_on_an_invoice_needs_a_person()
    {
        Assert.IsType<NegotiationOutcome.Accept>(limits.EvaluateDeferral(Day("2026-12-01"), Context(agreements: 1)));
        Assert.Equal("too_many_agreements", Is<NegotiationOutcome.NeedsApproval>(limits.EvaluateDeferral(Day("2026-12-01"), Context(agreements: 2))).Reason);
    }

    [Fact]
    public void A_paid_invoice_has_nothing_to_negotiate()
    {
        var invoice = Invoice(480m);
        invoice.Book(new Payment(Day("2026-11-19"), 480m, "bank"));
        Assert.Equal("nothing_open", Is<NegotiationOutcome.Refuse>(limits.EvaluateDeferral(Day("2026-12-01"), Context(invoices: invoice))).Reason);
    }

    [Fact]
    public void Invoice_overrides_win_over_debtor_overrides_and_several_invoices_take_the_strictest()
    {
        var options = new NegotiationLimitsOptions();
        options.Overrides.Debtors["D-1"] = new() { MaxDeferralDays = 60 };
        options.Overrides.Invoices["RE-A"] = new() { MaxDeferralDays = 10 };
        options.Overrides.Invoices["RE-B"] = new() { MaxDeferralDays = 20, MaxInstalments = 12 };
        var custom = Negotiation(options);

        Assert.IsType<NegotiationOutcome.Accept>(custom.EvaluateDeferral(Day("2027-01-25"), Context()));
        Assert.Equal(Day("2026-12-07"), Is<NegotiationOutcome.CounterOffer>(custom.EvaluateDeferral(Day("2027-01-25"), Context(invoices: Invoice(100m, "RE-A")))).Offer.LastDueDate);
        var both = custom.LimitsFor("D-1", ["RE-A", "RE-B"], "EUR");
        Assert.Equal((10, 6), (both.MaxDeferralDays, both.MaxInstalments));
        Assert.Equal(12, custom.LimitsFor("D-1", ["RE-B"], "EUR").MaxInstalments);
        Assert.Equal(30, custom.LimitsFor("D-other", ["RE-X"], "EUR").MaxDeferralDays);
    }

    [Fact]
    public void Several_invoices_are_settled_together_and_mixed_currencies_are_rejected()
    {
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateDeferral(Day("2026-12-01"), Context(invoices: [Invoice(100.10m, "RE-A"), Invoice(200.20m, "RE-B")])));
        Assert.Equal(Money.Euro(300.30m), accept.Terms.Amount);
        Assert.Throws<ArgumentException>(() => limits.EvaluateDeferral(Day("2026-12-01"), Context(invoices: [Invoice(1m, "RE-A"), Invoice(1m, "RE-B", currency: "USD")])));
    }

    [Fact]
    public void Accepted_terms_become_a_proposed_payment_agreement()
    {
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateDeferral(Day("2026-12-01"), Context()));
        var agreement = accept.Terms.ToAgreement("A-1", "D-1", ["RE-1"], At("2026-11-20T10:00:00+01:00"));
        Assert.Equal((AgreementKind.Deferral, AgreementState.Proposed, 480m, "EUR"), (agreement.Kind, agreement.State, agreement.Amount, agreement.Currency));
    }

    [Fact]
    public void Invalid_limits_fail_fast_including_overrides()
    {
        var options = new NegotiationLimitsOptions { MaxDiscountPercent = 150m, InstalmentEveryMonths = 0 };
        options.Overrides.Invoices["RE-1"] = new() { MaxInstalments = -1 };
        options.MinInstalmentAmountByCurrency["XYZ"] = 5m;
        var ex = Assert.Throws<OptionsValidationException>(() => Negotiation(options));
        Assert.Equal(4, ex.Failures.Count());
    }
}
