using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Core.Tests.Reminders;

public sealed class Contact_rules_shape_the_timeline
{
    [Theory]
    [InlineData("Europe/Berlin", "DE", "2026-03-10T02:00:00Z", "2026-03-10T08:00:00+01:00")]
    [InlineData("America/New_York", "US", "2026-03-10T02:00:00Z", "2026-03-10T08:00:00-04:00")]   // 22:00 the evening before, EDT
    [InlineData("Asia/Tokyo", "JP", "2026-03-10T12:00:00Z", "2026-03-11T08:00:00+09:00")]         // 21:00 in Tokyo
    [InlineData("Europe/London", "GB", "2026-03-10T07:30:00Z", "2026-03-10T08:00:00+00:00")]
    public async Task A_reminder_due_outside_the_window_waits_for_eight_in_the_debtors_own_zone(string zone, string country, string now, string expected)
    {
        var world = new PlannerWorld(now);
        world.AddDebtor("D-1", zone, country, language: "en");
        world.AddInvoice("D-1", "RE-1", "2026-03-01");

        var result = await world.PlanAsync("D-1");

        Assert.Equal(PlanOutcome.Deferred, result.Outcome);
        Assert.Equal("quiet_hours", result.Reason);
        Assert.Equal(PlannerWorld.At(expected), result.At);
        Assert.Equal(PlannerWorld.At(expected).Offset, result.At!.Value.Offset);
        Assert.Equal(result.At, world.Case("D-1").NextActionAt);
        Assert.Empty(world.Ports.Outbox);
    }

    [Fact]
    public async Task On_the_spring_forward_night_the_window_opens_at_eight_summer_time()
    {
        // Berlin switches to CEST at 02:00 on Sunday 29 March 2026; Sunday is blocked, so Monday 08:00 +02:00 (06:00 UTC).
        var world = new PlannerWorld("2026-03-29T00:30:00Z");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-03-20");

        var result = await world.PlanAsync("D-1");

        Assert.Equal(PlannerWorld.At("2026-03-30T06:00:00Z"), result.At);
        Assert.Equal(TimeSpan.FromHours(2), result.At!.Value.Offset);
        Assert.Equal("sunday", result.Reason);
    }

    [Fact]
    public async Task After_the_fall_back_the_next_stage_is_planned_at_eight_winter_time()
    {
        // A reminder sent Friday 16 October 2026 (CEST); the next stage's day falls after the switch on 25 October.
        var world = new PlannerWorld("2026-10-16T07:00:00Z");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-10-13");

        var sent = await world.PlanAsync("D-1");

        Assert.Equal(PlanOutcome.Enqueued, sent.Outcome);
        // request.first: due + 14 = 27 Oct, after the friendly reminder's deadline (26 Oct) → Tuesday 27 Oct 08:00 CET = 07:00 UTC.
        Assert.Equal(PlannerWorld.At("2026-10-27T07:00:00Z"), world.Case("D-1").NextActionAt);
        Assert.Equal(TimeSpan.FromHours(1), world.Case("D-1").NextActionAt!.Value.Offset);
    }

    [Fact]
    public async Task A_regional_holiday_defers_only_debtors_of_that_state()
    {
        // 6 January (Epiphany) is a holiday in Bavaria, not in Berlin.
        var world = new PlannerWorld("2026-01-06T09:00:00Z");
        world.AddDebtor("D-BY", state: "BY");
        world.AddDebtor("D-BE", state: "BE");
        world.AddInvoice("D-BY", "RE-BY", "2025-12-20");
        world.AddInvoice("D-BE", "RE-BE", "2025-12-20");

        var bavaria = await world.PlanAsync("D-BY");
        var berlin = await world.PlanAsync("D-BE");

        Assert.Equal(PlanOutcome.Deferred, bavaria.Outcome);
        Assert.StartsWith("holiday:", bavaria.Reason, StringComparison.Ordinal);
        Assert.Equal(PlannerWorld.At("2026-01-07T08:00:00+01:00"), bavaria.At);
        Assert.Equal(PlanOutcome.Enqueued, berlin.Outcome);
    }

    [Fact]
    public async Task A_second_message_within_the_minimum_gap_waits_for_it()
    {
        var world = new PlannerWorld("2026-03-11T10:00:00+01:00");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-2", "2026-03-07");
        world.Case("D-1").History.Add(new CaseAction(PlannerWorld.At("2026-03-10T15:00:00+01:00"), CaseActionKinds.Reminder, "x", "telegram", ["RE-1"]));

        var result = await world.PlanAsync("D-1");

        Assert.Equal("min_gap", result.Reason);
        Assert.Equal(PlannerWorld.At("2026-03-12T15:00:00+01:00"), result.At);
    }

    [Fact]
    public async Task The_seven_day_cap_holds_back_a_fourth_message()
    {
        var world = new PlannerWorld("2026-03-16T10:00:00+01:00", new ContactRulesOptions { MinGapHours = 0 });
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-9", "2026-03-12");
        foreach (var at in new[] { "2026-03-10T09:00:00+01:00", "2026-03-12T09:00:00+01:00", "2026-03-13T09:00:00+01:00" })
            world.Case("D-1").History.Add(new CaseAction(PlannerWorld.At(at), CaseActionKinds.Reminder, "x", "telegram", ["RE-0"]));

        var result = await world.PlanAsync("D-1");

        Assert.Equal("cap_7_days", result.Reason);
        Assert.Equal(PlannerWorld.At("2026-03-17T09:00:00+01:00"), result.At);
    }

    [Fact]
    public async Task After_three_days_down_overdue_stages_come_one_at_a_time_inside_the_window()
    {
        // Due 5 January; the host was down from 6 to 9 March and starts again on Monday 9 March at 03:00 Berlin time.
        // Three stages are overdue by the calendar, yet the debtor gets the friendly reminder first, at 08:00, and every
        // later stage waits for its gap and for the previous deadline.
        var world = new PlannerWorld("2026-03-09T02:00:00Z");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-01-05");

        var log = await world.RunAsync("D-1", 90);

        var sent = log.Where(l => l.Result.Outcome == PlanOutcome.Enqueued).ToList();
        Assert.Equal(PlanOutcome.Deferred, log[0].Result.Outcome);
        Assert.Equal(PlannerWorld.At("2026-03-09T08:00:00+01:00"), sent[0].At);
        Assert.Equal(["reminder.friendly", "request.first", "request.second", "notice.final"], sent.Select(s => s.Result.StageKey));
        // Calendar days in Berlin (the run crosses the spring-forward night, so one gap is 10 days 23 hours of real time).
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = sent.Select(s => TimeZoneInfo.ConvertTime(s.At, berlin)).ToList();
        for (var i = 1; i < local.Count; i++)
            Assert.True(local[i].Date >= local[i - 1].Date.AddDays(11), $"stage {i + 1} on {local[i]:d} came too soon after {local[i - 1]:d}");
        Assert.All(local, l => Assert.InRange(l.Hour, 8, 19));
        Assert.Equal(5, world.Case("D-1").StageOf("RE-1"));
        Assert.Single(world.Ports.Escalations, e => e.Reason == EscalationReason.FinalStage);
    }

    [Fact]
    public async Task A_pause_with_an_expiry_holds_the_reminder_until_it_ends()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-03-01").PauseDunning("customer on holiday", PlannerWorld.At("2026-03-17T00:00:00+01:00"), world.Now);

        var paused = await world.PlanAsync("D-1");
        Assert.Equal(PlanOutcome.NothingDue, paused.Outcome);
        Assert.Equal(PlannerWorld.At("2026-03-17T00:00:00+01:00"), world.Case("D-1").NextActionAt);

        world.Clock.SetUtcNow(world.Case("D-1").NextActionAt!.Value);
        var atExpiry = await world.PlanAsync("D-1");
        Assert.Equal(PlanOutcome.Deferred, atExpiry.Outcome);   // midnight: quiet hours
        world.Clock.SetUtcNow(atExpiry.At!.Value);
        Assert.Equal(PlanOutcome.Enqueued, (await world.PlanAsync("D-1")).Outcome);
    }

    [Fact]
    public async Task Nothing_goes_out_while_staff_own_the_conversation_and_the_history_says_so_once()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-03-01");
        world.Ports.Links.Values.Single().Handoff = HandoffState.Human;

        var first = await world.PlanAsync("D-1");
        world.Clock.SetUtcNow(world.Case("D-1").NextActionAt!.Value);
        var second = await world.PlanAsync("D-1");

        Assert.Equal(("staff_owns", "staff_owns"), (first.Reason, second.Reason));
        Assert.Empty(world.Ports.Outbox);
        Assert.Single(world.Case("D-1").History, a => a.Kind == CaseActionKinds.Suppressed);
        Assert.Equal(PlannerWorld.At("2026-03-12T09:00:00+01:00"), world.Case("D-1").NextActionAt);
    }

    [Fact]
    public async Task An_opted_out_channel_is_passed_over_for_another_bound_chat()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        var debtor = world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-03-01");
        debtor.Contact(ChannelKind.Telegram)!.OptedOutAt = world.Now.AddDays(-1);

        var suppressed = await world.PlanAsync("D-1");
        Assert.Equal("opted_out", suppressed.Reason);

        debtor.Reach(ChannelKind.WebChat, "web-1");
        var link = new ConversationLink
        {
            Key = "webchat/web-1", Channel = ChannelKind.WebChat, Reference = new Conversations.ConversationReference(), LastInboundAt = world.Now.AddDays(-40),
        };
        link.LinkTo("D-1", world.Now.AddDays(-40));
        world.Ports.Links[link.Key] = link;
        world.Clock.Advance(TimeSpan.FromDays(1));

        var sent = await world.PlanAsync("D-1");
        Assert.Equal(PlanOutcome.Enqueued, sent.Outcome);
        Assert.Equal("webchat", world.Ports.Outbox.Single().Channel);
    }

    [Fact]
    public async Task A_debtor_without_a_bound_chat_is_suppressed_for_lack_of_an_address()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-03-01");
        world.Ports.Links.Clear();

        Assert.Equal("no_address", (await world.PlanAsync("D-1")).Reason);
    }
}
