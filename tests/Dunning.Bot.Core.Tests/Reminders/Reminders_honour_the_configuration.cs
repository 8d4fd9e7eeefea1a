using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Core.Tests.Reminders;

/// <summary>
/// A reminder mentions only what this debtor may ask for, and at the stages that allow it makes the owner's last offer —
/// a discount or a deferral — with the exact amount of the open claim and a working-day date.
/// Tuesday 1 December 2026, 09:00 in Berlin: RE-1 (480 EUR, due 1 November) had its first payment request on 17 November,
/// so the second payment request (a discount stage) is due; its deadline is Friday 11 December.
/// </summary>
public sealed class Reminders_honour_the_configuration
{
    private static async Task<(PlannerWorld World, ComposedReminder Reminder)> RemindAsync(string language, NegotiationLimitsOptions? limits = null,
        int stageBefore = 2, decimal total = 480m)
    {
        var world = new PlannerWorld("2026-12-01T09:00:00+01:00", limits: limits);
        world.AddDebtor("D-1", language: language);
        world.AddInvoice("D-1", "RE-1", "2026-11-01", total);
        world.Case("D-1").Stages["RE-1"] = stageBefore;
        world.Case("D-1").History.Add(new CaseAction(PlannerWorld.At("2026-11-17T10:00:00+01:00"), CaseActionKinds.Reminder, "x", "telegram", ["RE-1"]));
        var result = await world.PlanAsync("D-1");
        Assert.Equal(PlanOutcome.Enqueued, result.Outcome);
        return (world, world.Composed(Assert.Single(world.Ports.Outbox)));
    }

    private static decimal ClaimOf(PlannerWorld world) =>
        new Statements.InvoiceStatements(world.Ports, world.Ports, new Core.Claims.ClaimLedger(Microsoft.Extensions.Options.Options.Create(new Core.Claims.ClaimOptions()),
                new StatutoryInterest(Microsoft.Extensions.Options.Options.Create(new StatutoryInterestOptions())), world.Ladder), world.Clock)
            .Describe(world.Ports.Invoices["RE-1"], world.Ports.Debtors["D-1"], world.Case("D-1"), world.Now, PlannerWorld.Day("2026-12-01")).Due.Amount;

    [Theory]
    [InlineData("de", "Als Entgegenkommen", "bis zum 08.12.2026", "(3 % weniger)")]
    [InlineData("en", "gesture of goodwill", "by 8 December 2026", "(3% less)")]
    public async Task The_second_payment_request_offers_the_discount_on_the_open_claim_until_a_working_day(string language, string offer, string until, string percent)
    {
        var (world, reminder) = await RemindAsync(language);

        var claim = ClaimOf(world);
        Assert.True(claim > 480m, "the claim includes the interest accrued");
        var terms = Assert.IsType<NegotiationTerms>(reminder.Offer);
        Assert.Equal(AgreementKind.Discount, terms.Kind);
        Assert.Equal(claim - Math.Round(claim * 0.03m, 2, MidpointRounding.AwayFromZero), terms.Amount.Amount);
        Assert.Equal(PlannerWorld.Day("2026-12-08"), terms.ValidUntil);
        Assert.Contains(offer, reminder.Text, StringComparison.Ordinal);
        Assert.Contains(until, reminder.Text, StringComparison.Ordinal);
        Assert.Contains(percent, reminder.Text, StringComparison.Ordinal);
        Assert.Contains(Core.Messages.CurrencySymbols.Format(terms.Amount.Amount, "EUR", new System.Globalization.CultureInfo(language == "de" ? "de-DE" : "en-GB")), reminder.Text, StringComparison.Ordinal);
        Assert.Equal(["RE-1"], reminder.InvoiceNumbers);
    }

    [Fact]
    public async Task A_valid_until_on_a_holiday_moves_to_the_next_working_day()
    {
        // Sent Friday 18 December: 7 days reach Christmas Day; the offer holds until Monday 28 December.
        var world = new PlannerWorld("2026-12-18T09:00:00+01:00");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-11-15", 480m);
        world.Case("D-1").Stages["RE-1"] = 2;
        world.Case("D-1").History.Add(new CaseAction(PlannerWorld.At("2026-12-01T10:00:00+01:00"), CaseActionKinds.Reminder, "x", "telegram", ["RE-1"]));
        await world.PlanAsync("D-1");
        var reminder = world.Composed(Assert.Single(world.Ports.Outbox));
        Assert.Equal(PlannerWorld.Day("2026-12-28"), reminder.Offer!.ValidUntil);
        Assert.Contains("bis zum 28.12.2026", reminder.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "Raten sind möglich")]
    [InlineData("en", "instalments are possible")]
    public async Task By_default_a_deferral_and_instalments_are_mentioned(string language, string mention)
    {
        var (_, reminder) = await RemindAsync(language);
        Assert.Contains(mention, reminder.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "Raten", "Ein Zahlungsaufschub ist möglich.")]
    [InlineData("en", "instalment", "a short deferral is possible.")]
    public async Task With_instalments_switched_off_they_are_not_mentioned(string language, string absent, string present)
    {
        var (_, reminder) = await RemindAsync(language, new NegotiationLimitsOptions { MaxInstalments = 0 });
        Assert.DoesNotContain(absent, reminder.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(present, reminder.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "Raten", "Aufschub", "gemeinsam nach einer Lösung")]
    [InlineData("en", "instalment", "deferral", "look for a solution together")]
    public async Task With_neither_deferrals_nor_instalments_nothing_of_the_kind_is_promised(string language, string noPlans, string noDeferral, string instead)
    {
        var (_, reminder) = await RemindAsync(language, new NegotiationLimitsOptions { MaxInstalments = 0, MaxDeferralDays = 0 });
        Assert.DoesNotContain(noPlans, reminder.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(noDeferral, reminder.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(instead, reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_debtor_override_switches_instalments_off_for_that_debtor_only()
    {
        var options = new NegotiationLimitsOptions();
        options.Overrides.Debtors["D-1"] = new() { MaxInstalments = 1 };
        var (_, reminder) = await RemindAsync("de", options);
        Assert.DoesNotContain("Raten", reminder.Text, StringComparison.Ordinal);
        options.Overrides.Debtors.Clear();
        options.Overrides.Debtors["D-2"] = new() { MaxInstalments = 1 };
        Assert.Contains("Raten sind möglich", (await RemindAsync("de", options)).Reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_too_small_for_two_instalments_does_not_mention_them()
    {
        var (_, reminder) = await RemindAsync("de", total: 80m);
        Assert.DoesNotContain("Raten", reminder.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "Entgegenkommen")]
    [InlineData("en", "goodwill")]
    public async Task With_the_discount_off_or_no_last_offer_configured_no_offer_is_made(string language, string offerWord)
    {
        foreach (var options in new[] { new NegotiationLimitsOptions { MaxDiscountPercent = 0m }, new NegotiationLimitsOptions { LastOffer = LastOfferKind.None } })
        {
            var (_, reminder) = await RemindAsync(language, options);
            Assert.Null(reminder.Offer);
            Assert.DoesNotContain(offerWord, reminder.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_first_payment_request_is_not_a_discount_stage_and_makes_no_offer()
    {
        var (_, reminder) = await RemindAsync("de", stageBefore: 1);
        Assert.Null(reminder.Offer);
        Assert.DoesNotContain("Entgegenkommen", reminder.Text, StringComparison.Ordinal);
        var onlyFinal = new NegotiationLimitsOptions { DiscountStages = ["notice.final"] };
        Assert.Null((await RemindAsync("de", onlyFinal)).Reminder.Offer);
    }

    [Theory]
    [InlineData("de", "erst bis zum 11.01.2027 zu zahlen", "bis zum 08.12.2026 mit „Ja“")]
    [InlineData("en", "as late as 11 January 2027", "\"Yes\" by 8 December 2026")]
    public async Task The_last_offer_can_be_a_deferral_to_a_working_day(string language, string payBy, string answerBy)
    {
        var (world, reminder) = await RemindAsync(language, new NegotiationLimitsOptions { LastOffer = LastOfferKind.Deferral });
        var terms = Assert.IsType<NegotiationTerms>(reminder.Offer);
        // 30 days after the deadline of 11 December is Sunday 10 January: Monday the 11th.
        Assert.Equal((AgreementKind.Deferral, PlannerWorld.Day("2027-01-11"), ClaimOf(world)), (terms.Kind, terms.LastDueDate, terms.Amount.Amount));
        Assert.Contains(payBy, reminder.Text, StringComparison.Ordinal);
        Assert.Contains(answerBy, reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_offer_is_recorded_in_a_form_that_reads_back_exactly_and_garbage_is_no_offer()
    {
        var terms = new NegotiationTerms(AgreementKind.Discount, "EUR", [new Instalment(PlannerWorld.Day("2026-12-08"), 467.99m)], 2.5m, PlannerWorld.Day("2026-12-08"));
        var dunningCase = new DunningCase { DebtorId = "D-1" };
        dunningCase.Record(new CaseAction(PlannerWorld.At("2026-12-01T09:00:00+01:00"), CaseActionKinds.Reminder, "sent", "telegram", ["RE-1"]));
        dunningCase.Record(StandingOffer.Record(terms, ["RE-1"], PlannerWorld.At("2026-12-01T09:00:00+01:00"), "telegram"));
        var offer = Assert.IsType<StandingOffer>(StandingOffer.Latest(dunningCase));
        Assert.Equal(terms, offer.Terms with { Schedule = terms.Schedule });
        Assert.Equal([(PlannerWorld.Day("2026-12-08"), 467.99m)], offer.Terms.Schedule.Select(i => (i.DueDate, i.Amount)));

        dunningCase.Record(new CaseAction(PlannerWorld.At("2026-12-02T09:00:00+01:00"), CaseActionKinds.Offer, "Last offer: everything free!!", null, ["RE-1"]));
        Assert.Null(StandingOffer.Latest(dunningCase));
        dunningCase.Record(StandingOffer.Record(terms, ["RE-1"], PlannerWorld.At("2026-12-03T09:00:00+01:00"), "telegram"));
        dunningCase.Record(new CaseAction(PlannerWorld.At("2026-12-04T09:00:00+01:00"), CaseActionKinds.Reminder, "sent", "telegram", ["RE-1"]));
        Assert.Null(StandingOffer.Latest(dunningCase));
    }
}
