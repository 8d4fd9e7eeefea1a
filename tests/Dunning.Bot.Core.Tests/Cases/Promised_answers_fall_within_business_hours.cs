using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Policies;
using static Dunning.Bot.Core.Tests.Policies.PolicyFixtures;

namespace Dunning.Bot.Core.Tests.Cases;

/// <summary>
/// A response target counts the owner's business hours only (Escalation:BusinessHours in Escalation:TimeZone, closed on the
/// owner's public holidays), is rounded up to a full hour within the open range, and is told the way a person says it.
/// </summary>
public sealed class Promised_answers_fall_within_business_hours
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly BusinessClock clock = new(new EscalationOptions(), new HolidayCalendar());

    [Fact]
    public void A_hardship_message_late_on_saturday_is_answered_by_monday_lunchtime_not_in_the_night()
    {
        // Saturday 5 December 2026, 23:40 in Berlin; four business hours from Monday 09:00.
        var respondBy = clock.After(At("2026-12-05T23:40:00+01:00"), 4);
        Assert.Equal(At("2026-12-07T13:00:00+01:00"), respondBy);
    }

    [Fact]
    public void Inside_business_hours_the_target_is_rounded_up_to_the_full_hour()
    {
        Assert.Equal(At("2026-12-08T16:00:00+01:00"), clock.After(At("2026-12-08T11:37:00+01:00"), 4));
        Assert.Equal(At("2026-12-08T15:00:00+01:00"), clock.After(At("2026-12-08T11:00:00+01:00"), 4));
    }

    [Fact]
    public void Time_left_at_closing_carries_over_to_the_next_working_day()
    {
        // Friday 16:30: half an hour on Friday, three and a half on Monday -> 12:30, rounded up to 13:00.
        Assert.Equal(At("2026-12-14T13:00:00+01:00"), clock.After(At("2026-12-11T16:30:00+01:00"), 4));
        // Eight hours from Tuesday 10:00 end on Wednesday at 10:00.
        Assert.Equal(At("2026-12-09T10:00:00+01:00"), clock.After(At("2026-12-08T10:00:00+01:00"), 8));
    }

    [Fact]
    public void Public_holidays_of_the_owner_are_closed_days()
    {
        // Thursday 24 December 2026 16:00: one hour that day, then the 25th, 26th and the weekend are closed.
        Assert.Equal(At("2026-12-28T12:00:00+01:00"), clock.After(At("2026-12-24T16:00:00+01:00"), 4));
        // Maundy Thursday 2027 16:00: Good Friday and Easter Monday are closed -> Tuesday 30 March, 12:00.
        Assert.Equal(At("2027-03-30T12:00:00+02:00"), clock.After(At("2027-03-25T16:00:00+01:00"), 4));
        // Epiphany is a closed day only for an owner in Bavaria.
        var bavaria = new BusinessClock(new EscalationOptions { State = "BY" }, new HolidayCalendar());
        Assert.Equal(At("2027-01-08T10:00:00+01:00"), bavaria.After(At("2027-01-05T18:00:00+01:00"), 9));
        Assert.Equal(At("2027-01-07T10:00:00+01:00"), clock.After(At("2027-01-05T18:00:00+01:00"), 9));
    }

    [Fact]
    public void Rounding_never_pushes_the_answer_past_closing_time()
    {
        var options = new EscalationOptions();
        options.BusinessHours.Tuesday = "08:00-12:00,13:00-16:45";
        var custom = new BusinessClock(options, new HolidayCalendar());
        Assert.Equal(At("2026-12-08T16:45:00+01:00"), custom.After(At("2026-12-08T13:00:00+01:00"), 3.5));
        // The lunch break does not count: 11:00 + 2 h = 14:00.
        Assert.Equal(At("2026-12-08T14:00:00+01:00"), custom.After(At("2026-12-08T11:00:00+01:00"), 2));
    }

    [Fact]
    public void Every_answer_promised_over_a_year_of_raised_times_falls_within_business_hours()
    {
        var calendar = new HolidayCalendar();
        var targets = new[] { 0, 1, 4, 8, 16, 24 };
        for (var raised = At("2027-01-01T00:00:00+00:00"); raised.Year == 2027; raised = raised.AddMinutes(397))
        {
            var target = targets[raised.Minute % targets.Length];
            var respondBy = clock.After(raised, target);
            var local = TimeZoneInfo.ConvertTime(respondBy, Berlin);
            var day = DateOnly.FromDateTime(local.DateTime);
            Assert.True(clock.IsOpen(respondBy), $"{raised:O} + {target} h -> {local:O}");
            Assert.True(local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsHoliday(day, "DE", null), $"{local:O}");
            Assert.True(local.TimeOfDay >= TimeSpan.FromHours(9) && local.TimeOfDay <= TimeSpan.FromHours(17), $"{local:O}");
            Assert.True(respondBy >= raised.AddHours(target), $"{raised:O} + {target} h came early: {local:O}");
            Assert.Equal(0, local.Minute);
        }
    }

    [Theory]
    [InlineData("Monday", "9-17")]
    [InlineData("Monday", "17:00-09:00")]
    [InlineData("Monday", "09:00-12:00,11:00-17:00")]
    [InlineData("Monday", "25:00-26:00")]
    public void Malformed_business_hours_are_refused_at_start_up(string day, string hours)
    {
        var options = new EscalationOptions();
        typeof(BusinessHoursOptions).GetProperty(day)!.SetValue(options.BusinessHours, hours);
        Assert.Contains(options.Validate(), p => p.Contains($"BusinessHours:{day}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_week_without_opening_hours_an_unknown_zone_or_a_bad_country_is_refused()
    {
        var closed = new EscalationOptions { BusinessHours = new() { Monday = "", Tuesday = "", Wednesday = "", Thursday = "", Friday = "" } };
        Assert.Contains(closed.Validate(), p => p.Contains("at least one weekday", StringComparison.Ordinal));
        Assert.NotEmpty(new EscalationOptions { TimeZone = "Mars/Olympus" }.Validate());
        Assert.NotEmpty(new EscalationOptions { Country = "Germany" }.Validate());
        Assert.NotEmpty(new EscalationOptions { RoundUpToMinutes = 0 }.Validate());
        Assert.Empty(new EscalationOptions().Validate());
    }

    [Theory]
    [InlineData("de", "bis Montag, 13 Uhr bei Ihnen")]
    [InlineData("en", "by Monday, 1 pm")]
    public async Task A_hardship_message_late_on_saturday_is_promised_monday_in_the_debtors_words(string language, string promise)
    {
        var world = new Dialogs.CaseWorld(language);
        world.AddInvoice("RE-1", 480m);
        world.Clock.SetUtcNow(At("2026-11-21T23:40:00+01:00"));
        var message = language == "de" ? "Ich habe meinen Job verloren und kann gerade nicht zahlen" : "I lost my job and cannot pay right now";

        await Dialogs.Transcript.PlayAsync(world.Talk(world.Hardship(), message), new Dialogs.Turn(message).Contains(promise, "!05:", "!Sonntag", "!Sunday"));

        var escalation = Assert.Single(world.EscalationsFor(Core.Domain.EscalationReason.Hardship));
        Assert.Equal(At("2026-11-23T13:00:00+01:00"), escalation.RespondBy);
    }

    [Theory]
    [InlineData("2026-12-08T11:00:00+01:00", "2026-12-08T16:00:00+01:00", "heute, 16 Uhr", "today, 4 pm")]
    [InlineData("2026-12-08T18:00:00+01:00", "2026-12-09T12:00:00+01:00", "morgen, 12 Uhr", "tomorrow, 12 noon")]
    [InlineData("2026-12-05T23:40:00+01:00", "2026-12-07T10:00:00+01:00", "Montag, 10 Uhr", "Monday, 10 am")]
    [InlineData("2026-12-08T09:10:00+01:00", "2026-12-08T16:30:00+01:00", "heute, 16:30 Uhr", "today, 4:30 pm")]
    [InlineData("2026-12-03T09:00:00+01:00", "2026-12-14T10:00:00+01:00", "Montag, 14. Dezember, 10 Uhr", "Monday, 14 December, 10 am")]
    public void The_answer_time_reads_like_a_person_wrote_it(string now, string respondBy, string german, string english)
    {
        var model = Wording.AnswerTimeModel(At(respondBy), At(now), Berlin);
        Assert.Equal(german, RepositoryFiles.Catalogue.Render(Wording.AnswerTimeDialog, Wording.AnswerTimeKey, "de", model));
        Assert.Equal(english, RepositoryFiles.Catalogue.Render(Wording.AnswerTimeDialog, Wording.AnswerTimeKey, "en", model));
    }
}
