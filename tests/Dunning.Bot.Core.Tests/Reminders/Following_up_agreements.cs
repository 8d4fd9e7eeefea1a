using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;
using static Dunning.Bot.Core.Tests.Reminders.AgreementWorld;

namespace Dunning.Bot.Core.Tests.Reminders;

/// <summary>The day after an agreed date the debtor hears how it went: thanks, a follow-up, or that a colleague takes over.</summary>
public sealed class Following_up_agreements
{
    [Fact]
    public async Task A_kept_promise_gets_one_thank_you_the_morning_after_in_the_debtors_zone()
    {
        var (world, promise) = await AgreedAsync("2026-11-20T15:00:00+00:00", Promise("2026-11-24"), "America/New_York", "US");
        world.Pay("2026-11-23", 480m);

        var log = await world.RunAsync("D-1", 20);

        var thanks = Assert.Single(world.FollowUps());
        Assert.Equal($"follow_up:{promise.Id}:kept", thanks.Key);
        Assert.Equal("2026-11-25 08:00", thanks.CreatedAt.Local("America/New_York"));
        Assert.Contains("vielen Dank", thanks.Text, StringComparison.Ordinal);
        Assert.Contains("Zahlungszusage", thanks.Text, StringComparison.Ordinal);
        Assert.Equal(AgreementState.Kept, world.Stored(promise).State);
        Assert.Single(world.Case("D-1").History, a => a.Summary == $"Agreement {promise.Id} kept");
        Assert.Contains(log, l => l.Result is { Outcome: PlanOutcome.Enqueued, StageKey: "follow_up.kept" });
        Assert.DoesNotContain(world.Ports.Outbox, e => e.Kind == OutboxKinds.Reminder);
    }

    [Fact]
    public async Task An_instalment_paid_on_time_is_not_thanked_for_only_the_whole_plan_once_kept()
    {
        var (world, plan) = await AgreedAsync("2026-11-20T09:00:00+01:00", Plan(240m, "2026-12-04", "2027-01-04"));
        world.Pay("2026-12-03", 240m);

        await world.RunAsync("D-1", 30);
        Assert.Empty(world.FollowUps());
        Assert.Equal((AgreementState.Active, 0), (world.Stored(plan).State, world.Stored(plan).Breaks));

        world.Pay("2027-01-04", 240m);
        await world.RunAsync("D-1", 40);

        var thanks = Assert.Single(world.FollowUps());
        Assert.Equal("2027-01-05 08:00", thanks.CreatedAt.Local("Europe/Berlin"));
        Assert.Contains("Ratenvereinbarung", thanks.Text, StringComparison.Ordinal);
        Assert.Equal(AgreementState.Kept, world.Stored(plan).State);
    }

    [Fact]
    public async Task A_first_missed_instalment_gets_a_follow_up_with_the_amount_and_the_second_goes_to_a_colleague()
    {
        var (world, plan) = await AgreedAsync("2026-11-20T09:00:00+01:00", Plan(160m, "2026-12-04", "2027-01-04", "2027-02-04"), language: "en");

        await world.RunAsync("D-1", 20);
        var missed = Assert.Single(world.FollowUps());
        Assert.Equal(($"follow_up:{plan.Id}:break1", "missed", "2026-12-05 08:00"), (missed.Key, missed.MessageKey, missed.CreatedAt.Local("Europe/Berlin")));
        Assert.Contains("€160.00 is still missing", missed.Text, StringComparison.Ordinal);
        Assert.Contains("the next instalment of €160.00 is due on 4 January 2027", missed.Text, StringComparison.Ordinal);
        Assert.Equal((AgreementState.Active, 1), (world.Stored(plan).State, world.Stored(plan).Breaks));
        Assert.NotNull(world.Ports.Invoices["RE-1"].Pause);
        Assert.Empty(world.BrokenPromises());

        await world.RunAsync("D-1", 35);
        var escalated = world.FollowUps()[^1];
        Assert.Equal(2, world.FollowUps().Count);
        Assert.Equal(($"follow_up:{plan.Id}:break2", "escalated"), (escalated.Key, escalated.MessageKey));
        Assert.Contains("€320.00 is open", escalated.Text, StringComparison.Ordinal);
        Assert.Contains("A colleague", escalated.Text, StringComparison.Ordinal);
        Assert.Single(world.BrokenPromises());
        Assert.Equal((AgreementState.Broken, 2), (world.Stored(plan).State, world.Stored(plan).Breaks));
        Assert.Null(world.Ports.Invoices["RE-1"].Pause);
    }

    [Fact]
    public async Task A_partial_payment_breaks_the_promise_and_dunning_resumes()
    {
        var (world, promise) = await AgreedAsync("2026-11-20T09:00:00+01:00", Promise("2026-11-24"));
        world.Pay("2026-11-24", 300m);

        var log = await world.RunAsync("D-1", 10);

        var broken = Assert.Single(world.FollowUps());
        Assert.Equal(($"follow_up:{promise.Id}:break1", "broken"), (broken.Key, broken.MessageKey));
        Assert.Contains("180,00 €", broken.Text, StringComparison.Ordinal);
        Assert.Contains("24.11.2026", broken.Text, StringComparison.Ordinal);
        Assert.Equal(AgreementState.Broken, world.Stored(promise).State);
        Assert.Null(world.Ports.Invoices["RE-1"].Pause);
        Assert.Empty(world.BrokenPromises());
        // Dunning goes on after the contact rules' gap: the next message is a reminder about the rest.
        var reminder = Assert.Single(log, l => l.Result.Outcome == PlanOutcome.Enqueued && l.Result.Entry!.Kind == OutboxKinds.Reminder);
        Assert.True(reminder.At >= broken.CreatedAt.AddHours(48));
    }

    [Fact]
    public async Task A_follow_up_due_on_a_sunday_waits_for_monday_and_goes_out_once()
    {
        var (world, promise) = await AgreedAsync("2026-11-20T09:00:00+01:00", Promise("2026-11-28"));
        world.Pay("2026-11-27", 480m);
        Assert.Equal(PlanOutcome.NothingDue, (await world.PlanAsync("D-1")).Outcome);
        Assert.Equal("2026-11-30 08:00", world.Case("D-1").NextActionAt!.Value.Local("Europe/Berlin"));

        // Woken on the Sunday anyway (a payment touched the case, another host's sweep): the rules move it to Monday.
        world.Clock.SetUtcNow(PlannerWorld.At("2026-11-29T10:00:00+01:00"));
        var sunday = await world.PlanAsync("D-1");
        var again = await world.PlanAsync("D-1");

        Assert.Equal((PlanOutcome.Deferred, "follow_up.kept", "2026-11-30 08:00"), (sunday.Outcome, sunday.StageKey, sunday.At!.Value.Local("Europe/Berlin")));
        Assert.Equal(PlanOutcome.Deferred, again.Outcome);
        Assert.Empty(world.FollowUps());
        Assert.Equal(AgreementState.Active, world.Stored(promise).State);

        await world.RunAsync("D-1", 10);
        var thanks = Assert.Single(world.FollowUps());
        Assert.Equal("2026-11-30 08:00", thanks.CreatedAt.Local("Europe/Berlin"));
        Assert.Equal(AgreementState.Kept, world.Stored(promise).State);
    }

    [Fact]
    public async Task A_second_break_deferred_by_quiet_hours_reaches_the_owner_at_once_and_the_debtor_in_the_morning()
    {
        var (world, plan) = await AgreedAsync("2026-11-20T09:00:00+01:00", Plan(240m, "2026-12-04", "2027-01-04"));
        await world.RunAsync("D-1", 20);
        Assert.Equal(1, world.Stored(plan).Breaks);

        world.Clock.SetUtcNow(PlannerWorld.At("2027-01-05T00:00:00+01:00"));
        var night = await world.PlanAsync("D-1");

        Assert.Equal((PlanOutcome.Deferred, "follow_up.escalated"), (night.Outcome, night.StageKey));
        Assert.Equal(["follow_up.escalated"], night.Escalated);
        Assert.Single(world.BrokenPromises());
        Assert.Equal((AgreementState.Active, 1), (world.Stored(plan).State, world.Stored(plan).Breaks));
        Assert.Single(world.FollowUps());

        await world.RunAsync("D-1", 1);
        Assert.Equal("escalated", world.FollowUps()[^1].MessageKey);
        Assert.Equal("2027-01-05 08:00", world.FollowUps()[^1].CreatedAt.Local("Europe/Berlin"));
        Assert.Single(world.BrokenPromises());
        Assert.Equal(AgreementState.Broken, world.Stored(plan).State);
    }

    [Fact]
    public async Task While_staff_own_the_chat_no_follow_up_is_sent_but_the_agreement_is_settled()
    {
        var (world, promise) = await AgreedAsync("2026-11-20T09:00:00+01:00", Promise("2026-11-24"));
        world.Ports.Links.Values.Single().Handoff = HandoffState.Human;

        await world.RunAsync("D-1", 5);

        Assert.Empty(world.FollowUps());
        Assert.Equal(AgreementState.Broken, world.Stored(promise).State);
        Assert.Null(world.Ports.Invoices["RE-1"].Pause);
        Assert.Contains(world.Case("D-1").History, a => a.Kind == CaseActionKinds.Suppressed && a.Summary == "staff_owns");
        Assert.Contains(world.Case("D-1").History, a => a.Kind == CaseActionKinds.Promise && a.Summary.StartsWith($"Agreement {promise.Id} broken", StringComparison.Ordinal));
    }
}
