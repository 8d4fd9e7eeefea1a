using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using static Dunning.Bot.Core.Tests.Policies.NegotiationFixtures;
using static Dunning.Bot.Core.Tests.Policies.PolicyFixtures;

namespace Dunning.Bot.Core.Tests.Policies;

/// <summary>
/// §193 BGB: a deadline that would end on a Saturday, Sunday or public holiday of the debtor's region ends on the next
/// working day — for every deadline a reminder states and every date the bot offers.
/// </summary>
public sealed class Deadlines_and_offers_fall_on_working_days
{
    private static readonly HolidayCalendar Calendar = new();
    private readonly DunningLadder ladder = new(Microsoft.Extensions.Options.Options.Create(new DunningLadderOptions()), Calendar);
    private readonly NegotiationLimits limits = new(Microsoft.Extensions.Options.Options.Create(new NegotiationLimitsOptions()), Calendar);

    public static TheoryData<string, string?> Regions() => new() { { "DE", "BY" }, { "DE", "BE" }, { "AT", null }, { "GB", "SCT" }, { "US", null } };

    [Theory]
    [MemberData(nameof(Regions))]
    public void No_reminder_sent_on_any_day_of_a_year_states_a_deadline_on_a_weekend_or_holiday(string country, string? state)
    {
        var debtor = Debtor(country: country, state: state);
        var closed = ladder.NonWorkingDays(debtor);
        for (var sent = Day("2027-01-01"); sent.Year == 2027; sent = sent.AddDays(1))
        {
            foreach (var stage in ladder.Stages.Where(s => s.NotifyDebtor))
            {
                var deadline = DunningLadder.DeadlineFor(stage, sent, closed);
                Assert.True(IsWorkingDay(deadline, country, state), $"{stage.Key} sent {sent} states {deadline} ({deadline.DayOfWeek}).");
                Assert.True(deadline >= sent.AddDays(stage.NewDeadlineDays) && deadline <= sent.AddDays(stage.NewDeadlineDays + 5));
            }
        }
    }

    [Fact]
    public void Epiphany_moves_a_deadline_in_Bavaria_but_not_in_Berlin()
    {
        // Sent Sunday 27 December 2026 + 10 days = Wednesday 6 January 2027, Heilige Drei Könige in BY (and BW, ST) only.
        var stage = ladder.Stage(1)!;
        Assert.Equal(Day("2027-01-07"), DunningLadder.DeadlineFor(stage, Day("2026-12-27"), ladder.NonWorkingDays(Debtor(state: "BY"))));
        Assert.Equal(Day("2027-01-06"), DunningLadder.DeadlineFor(stage, Day("2026-12-27"), ladder.NonWorkingDays(Debtor(state: "BE"))));
    }

    [Fact]
    public void A_deadline_on_good_friday_moves_past_easter_monday()
    {
        // Sent Tuesday 16 March 2027 + 10 = Good Friday 26 March; Saturday, Easter Sunday and Monday follow -> Tuesday 30th.
        Assert.Equal(Day("2027-03-30"), DunningLadder.DeadlineFor(ladder.Stage(1)!, Day("2027-03-16"), ladder.NonWorkingDays(Debtor())));
        Assert.Equal(Day("2027-03-22"), DunningLadder.DeadlineFor(ladder.Stage(1)!, Day("2027-03-12"), ladder.NonWorkingDays(Debtor())));
    }

    [Fact]
    public void The_next_stage_waits_for_the_day_after_the_deadline_that_was_actually_stated()
    {
        // Stage 1 sent Tuesday 15 December 2026: deadline moves from Christmas Day to Monday 28th, so stage 2 comes on the 29th.
        var invoice = Invoice(due: Day("2026-12-01"));
        var closed = ladder.NonWorkingDays(Debtor());
        Assert.Equal(Day("2026-12-29"), ladder.NextDueDate(invoice.DueDate, 1, Day("2026-12-15"), closed));
        Assert.Equal(Day("2026-12-28"), ladder.Due(invoice, DebtorKind.Consumer, 0, null, Day("2026-12-18"), closed)!.Deadline);
    }

    [Fact]
    public void The_statement_repeats_the_working_day_deadline_the_reminder_stated()
    {
        // Stage 1 sent Tuesday 15 December 2026 in Bavaria: the reminder said Monday 28 December, so does every answer after it.
        var world = new Reminders.PlannerWorld("2026-12-20T10:00:00+01:00");
        var debtor = world.AddDebtor("D-1", state: "BY");
        var invoice = world.AddInvoice("D-1", "RE-1", "2026-12-01", 480m);
        world.Case("D-1").Stages["RE-1"] = 1;
        world.Case("D-1").History.Add(new CaseAction(At("2026-12-15T10:00:00+01:00"), CaseActionKinds.Reminder, "sent", "telegram", ["RE-1"]));
        var statements = new Statements.InvoiceStatements(world.Ports, world.Ports, new Core.Claims.ClaimLedger(Microsoft.Extensions.Options.Options.Create(new Core.Claims.ClaimOptions()), Interest(), world.Ladder), world.Clock);

        var statement = statements.Describe(invoice, debtor, world.Case("D-1"), world.Now, Day("2026-12-20"));

        Assert.Equal(Day("2026-12-28"), statement.Deadline);
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public void Every_date_the_limits_offer_over_a_year_of_negotiation_days_is_a_working_day(string country, string? state)
    {
        for (var today = Day("2027-01-01"); today.Year == 2027; today = today.AddDays(1))
        {
            var context = Context() with { Today = today, CurrentDeadline = today.AddDays(3), Country = country, State = state };
            var offered = new List<NegotiationTerms>();
            Collect(offered, limits.EvaluateDiscount(null, context));
            Collect(offered, limits.EvaluateDeferral(today.AddDays(10), context));
            Collect(offered, limits.EvaluateDeferral(today.AddDays(90), context));
            Collect(offered, limits.EvaluateInstalments(new(Count: 3), context));
            Collect(offered, limits.EvaluateInstalments(new(Count: 9), context));
            Collect(offered, limits.EvaluateInstalments(new(Count: 2, FirstDueDate: today.AddDays(40)), context));
            offered.AddRange(new[] { limits.LastOffer(context) }.OfType<NegotiationTerms>());
            Assert.NotEmpty(offered);
            foreach (var terms in offered)
            {
                foreach (var date in terms.Schedule.Select(i => i.DueDate).Append(terms.ValidUntil ?? terms.LastDueDate))
                    Assert.True(IsWorkingDay(date, country, state), $"{terms.Kind} on {today} offers {date} ({date.DayOfWeek}).");
            }
        }
    }

    [Fact]
    public void A_discount_valid_until_a_holiday_holds_until_the_next_working_day()
    {
        // Friday 18 December 2026 + 7 days = Christmas Day -> Monday 28 December.
        var context = Context() with { Today = Day("2026-12-18"), CurrentDeadline = Day("2026-12-20") };
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateDiscount(null, context));
        Assert.Equal(Day("2026-12-28"), accept.Terms.ValidUntil);
        Assert.Equal(Day("2026-12-28"), accept.Terms.LastDueDate);
    }

    [Fact]
    public void The_saturday_the_debtor_asks_for_is_agreed_as_the_following_monday()
    {
        var accept = Is<NegotiationOutcome.Accept>(limits.EvaluateDeferral(Day("2026-12-05"), Context()));
        Assert.Equal(Day("2026-12-07"), accept.Terms.LastDueDate);
    }

    private static void Collect(List<NegotiationTerms> offered, NegotiationOutcome outcome)
    {
        switch (outcome)
        {
            case NegotiationOutcome.Accept a:
                offered.Add(a.Terms);
                break;
            case NegotiationOutcome.CounterOffer c:
                offered.Add(c.Offer);
                if (c.Alternative is { } alternative)
                    offered.Add(alternative);
                break;
            case NegotiationOutcome.Refuse { Alternative: { } other }:
                offered.Add(other);
                break;
        }
    }

    private static bool IsWorkingDay(DateOnly day, string country, string? state) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Calendar.IsHoliday(day, country, state);
}
