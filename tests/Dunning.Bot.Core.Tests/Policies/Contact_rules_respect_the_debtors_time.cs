using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using static Dunning.Bot.Core.Tests.Policies.PolicyFixtures;

namespace Dunning.Bot.Core.Tests.Policies;

/// <summary>Quiet hours, Sundays, holidays and DST in the debtor's own time zone.</summary>
public class Contact_rules_respect_the_debtors_time
{
    private readonly ContactRules rules = Contact();

    private ContactDecision Evaluate(Debtor debtor, string now, ContactRules? with = null) =>
        (with ?? rules).Evaluate(new ContactRequest { Debtor = debtor, Channel = ChannelKind.Telegram, Now = At(now) });

    private static void AssertDeferred(ContactDecision decision, string until, string reason)
    {
        Assert.Equal(ContactDecisionKind.Deferred, decision.Kind);
        Assert.Equal(At(until), decision.Until);
        Assert.Equal(At(until).Offset, decision.Until!.Value.Offset);
        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void Inside_the_window_on_a_working_day_the_message_may_go_now()
    {
        Assert.Equal(ContactDecisionKind.Allowed, Evaluate(Debtor(), "2026-03-10T08:00:00+01:00").Kind);
        Assert.Equal(ContactDecisionKind.Allowed, Evaluate(Debtor(), "2026-03-10T19:59:59+01:00").Kind);
    }

    [Fact]
    public void At_the_window_end_and_before_its_start_the_message_waits_for_the_next_start()
    {
        AssertDeferred(Evaluate(Debtor(), "2026-03-10T20:00:00+01:00"), "2026-03-11T08:00:00+01:00", "quiet_hours");
        AssertDeferred(Evaluate(Debtor(), "2026-03-10T07:59:00+01:00"), "2026-03-10T08:00:00+01:00", "quiet_hours");
        AssertDeferred(Evaluate(Debtor(), "2026-03-10T03:00:00Z"), "2026-03-10T08:00:00+01:00", "quiet_hours");
    }

    [Fact]
    public void Sunday_is_skipped_to_Monday_morning()
    {
        AssertDeferred(Evaluate(Debtor(), "2026-03-08T10:00:00+01:00"), "2026-03-09T08:00:00+01:00", "sunday");
        var sevenDays = Contact(new ContactRulesOptions { NoSundays = false });
        Assert.Equal(ContactDecisionKind.Allowed, Evaluate(Debtor(), "2026-03-08T10:00:00+01:00", sevenDays).Kind);
    }

    [Fact]
    public void Christmas_and_the_following_Sunday_are_skipped_in_Germany()
    {
        // Thu 24 Dec 21:00 -> Fri 25 and Sat 26 are holidays, Sun 27 is Sunday -> Mon 28 Dec 08:00.
        AssertDeferred(Evaluate(Debtor(), "2026-12-24T21:00:00+01:00"), "2026-12-28T08:00:00+01:00", "quiet_hours");
        AssertDeferred(Evaluate(Debtor(), "2026-12-25T10:00:00+01:00"), "2026-12-28T08:00:00+01:00", "holiday:Weihnachtstag");
        AssertDeferred(Evaluate(Debtor(), "2026-12-26T10:00:00+01:00"), "2026-12-28T08:00:00+01:00", "holiday:Zweiter Weihnachtsfeiertag");
    }

    [Fact]
    public void Corpus_Christi_is_a_holiday_in_Bavaria_but_not_in_Hamburg()
    {
        AssertDeferred(Evaluate(Debtor(state: "BY"), "2026-06-04T10:00:00+02:00"), "2026-06-05T08:00:00+02:00", "holiday:Fronleichnam");
        AssertDeferred(Evaluate(Debtor(state: "DE-BY"), "2026-06-04T10:00:00+02:00"), "2026-06-05T08:00:00+02:00", "holiday:Fronleichnam");
        Assert.Equal(ContactDecisionKind.Allowed, Evaluate(Debtor(state: "HH"), "2026-06-04T10:00:00+02:00").Kind);
        // Reformation Day is a holiday in Hamburg (Saturday 2026-10-31) but not in Bavaria.
        Assert.Equal("holiday:Reformationstag", Evaluate(Debtor(state: "HH"), "2026-10-31T10:00:00+01:00").Reason);
        Assert.Equal(ContactDecisionKind.Allowed, Evaluate(Debtor(state: "BY"), "2026-10-31T10:00:00+01:00").Kind);
    }

    [Fact]
    public void Berlin_spring_forward_lands_on_Monday_08_00_summer_time()
    {
        // Sat 28 Mar 21:00 CET; Sun 29 Mar clocks jump 02:00 -> 03:00 (and it is Sunday) -> Mon 30 Mar 08:00 CEST = 06:00Z.
        AssertDeferred(Evaluate(Debtor(), "2026-03-28T21:00:00+01:00"), "2026-03-30T08:00:00+02:00", "quiet_hours");
    }

    [Fact]
    public void A_window_start_inside_the_spring_forward_gap_opens_at_the_transition()
    {
        var early = Contact(new ContactRulesOptions { WindowStart = new TimeOnly(2, 30), NoSundays = false });
        // 02:30 does not exist on 2026-03-29 in Berlin; the first instant past it is 03:00 CEST (01:00Z).
        AssertDeferred(Evaluate(Debtor(), "2026-03-29T00:30:00+01:00", early), "2026-03-29T03:00:00+02:00", "quiet_hours");
    }

    [Fact]
    public void A_window_start_in_the_repeated_fall_back_hour_opens_at_its_first_occurrence()
    {
        var early = Contact(new ContactRulesOptions { WindowStart = new TimeOnly(2, 30), NoSundays = false });
        AssertDeferred(Evaluate(Debtor(), "2026-10-25T00:30:00+02:00", early), "2026-10-25T02:30:00+02:00", "quiet_hours");
    }

    [Fact]
    public void The_minimum_gap_is_measured_in_real_hours_across_the_fall_back()
    {
        // Last message Sat 24 Oct 10:00 CEST (08:00Z); 48 h later is Mon 26 Oct 08:00Z = 09:00 CET, not 10:00.
        var sevenDays = Contact(new ContactRulesOptions { NoSundays = false });
        var decision = sevenDays.Evaluate(new ContactRequest
        {
            Debtor = Debtor(),
            Channel = ChannelKind.Telegram,
            Now = At("2026-10-25T10:00:00+01:00"),
            RecentProactive = [At("2026-10-24T10:00:00+02:00")],
        });
        AssertDeferred(decision, "2026-10-26T09:00:00+01:00", "min_gap");
    }

    [Fact]
    public void New_York_skips_the_DST_Sunday_and_Thanksgiving()
    {
        var ny = Debtor("America/New_York", "US");
        AssertDeferred(Evaluate(ny, "2026-03-07T21:00:00-05:00"), "2026-03-09T08:00:00-04:00", "quiet_hours");
        AssertDeferred(Evaluate(ny, "2026-11-25T20:30:00-05:00"), "2026-11-27T08:00:00-05:00", "quiet_hours");
        Assert.Equal("holiday:Thanksgiving", Evaluate(ny, "2026-11-26T12:00:00-05:00").Reason);
    }

    [Fact]
    public void Tokyo_has_no_DST_and_skips_Golden_Week()
    {
        var tokyo = Debtor("Asia/Tokyo", "JP");
        // Sat 2 May 21:00 JST -> Sun 3, holidays 4-6 May -> Thu 7 May 08:00 JST (6 May 23:00Z).
        AssertDeferred(Evaluate(tokyo, "2026-05-02T21:00:00+09:00"), "2026-05-07T08:00:00+09:00", "quiet_hours");
    }

    [Fact]
    public void Sydney_spring_forward_moves_the_offset_to_plus_11()
    {
        var sydney = Debtor("Australia/Sydney", "AU");
        // Sat 3 Oct 21:00 AEST; Sun 4 Oct clocks jump to +11 -> Mon 5 Oct 08:00 AEDT = 4 Oct 21:00Z.
        AssertDeferred(Evaluate(sydney, "2026-10-03T21:00:00+10:00"), "2026-10-05T08:00:00+11:00", "quiet_hours");
    }

    [Fact]
    public void The_same_instant_is_judged_by_each_debtors_own_clock()
    {
        const string instant = "2026-03-10T06:30:00Z";
        AssertDeferred(Evaluate(Debtor(), instant), "2026-03-10T08:00:00+01:00", "quiet_hours");
        Assert.Equal(ContactDecisionKind.Allowed, Evaluate(Debtor("Asia/Tokyo", "JP"), instant).Kind);
        AssertDeferred(Evaluate(Debtor("America/New_York", "US"), instant), "2026-03-10T08:00:00-04:00", "quiet_hours");
    }

    [Fact]
    public void Austria_Switzerland_and_Britain_use_their_own_holidays()
    {
        Assert.Equal("holiday:Mariä Empfängnis", Evaluate(Debtor("Europe/Vienna", "AT"), "2026-12-08T10:00:00+01:00").Reason);
        Assert.Equal(ContactDecisionKind.Allowed, Evaluate(Debtor(), "2026-12-08T10:00:00+01:00").Kind);
        Assert.Equal("holiday:Berchtoldstag", Evaluate(Debtor("Europe/Zurich", "CH", "ZH"), "2026-01-02T10:00:00+01:00").Reason);
        // In England Boxing Day 2026 (a Saturday) is observed on Monday 28 December; Saturday itself is allowed.
        AssertDeferred(Evaluate(Debtor("Europe/London", "GB"), "2026-12-24T21:00:00Z"), "2026-12-26T08:00:00Z", "quiet_hours");
        Assert.StartsWith("holiday:", Evaluate(Debtor("Europe/London", "GB"), "2026-12-28T10:00:00Z").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_countries_and_states_fall_back_safely()
    {
        Assert.False(HolidayCalendar.IsKnownCountry("ZZ"));
        Assert.True(HolidayCalendar.IsKnownCountry("de"));
        Assert.False(HolidayCalendar.IsKnownCountry("\u0000\u0001"));
        Assert.Equal(ContactDecisionKind.Allowed, Evaluate(Debtor(country: "ZZ"), "2026-12-25T10:00:00+01:00").Kind);
        // An unknown German state gets the nationwide holidays only.
        Assert.Equal(ContactDecisionKind.Allowed, Evaluate(Debtor(state: "NOPE"), "2026-06-04T10:00:00+02:00").Kind);
        Assert.Equal("holiday:Weihnachtstag", Evaluate(Debtor(state: "NOPE"), "2026-12-25T10:00:00+01:00").Reason);
    }

    [Fact]
    public void Next_allowed_instant_for_a_due_date_starts_at_that_days_window()
    {
        Assert.Equal(At("2026-12-28T08:00:00+01:00"), rules.NextAllowedInstant(Debtor(), Day("2026-12-25")));
        Assert.Equal(At("2026-03-10T08:00:00+01:00"), rules.NextAllowedInstant(Debtor(), Day("2026-03-10")));
        Assert.Equal(Day("2026-03-11"), rules.LocalDate(Debtor("Asia/Tokyo", "JP"), At("2026-03-10T16:00:00Z")));
    }
}
