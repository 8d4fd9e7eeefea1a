using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;
using static Dunning.Bot.Core.Tests.Reminders.AgreementWorld;

namespace Dunning.Bot.Core.Tests.Reminders;

/// <summary>
/// A broken agreement gets one follow-up and at most one escalation, however many sweeps, instalments and superseded
/// agreements there are: the escalation ends it, and agreements replaced by a newer one are never followed up.
/// </summary>
public sealed class A_broken_agreement_is_escalated_once
{
    /// <summary>The planner's stage key when a follow-up escalates (the ladder's own last stage escalates separately).</summary>
    private const string FollowUpEscalated = "follow_up.escalated";

    [Fact]
    public async Task A_plan_nobody_pays_is_followed_up_once_escalated_once_and_then_left_to_the_ladder()
    {
        var (world, plan) = await AgreedAsync("2026-11-20T09:00:00+01:00", Plan(120m, "2026-12-04", "2027-01-04", "2027-02-04", "2027-03-04"));

        var log = await world.RunAsync("D-1", 200);

        Assert.Equal(["missed", "escalated"], world.FollowUps().Select(f => f.MessageKey));
        Assert.Single(world.BrokenPromises());
        Assert.Single(log, l => l.Result.Escalated.Contains(FollowUpEscalated));
        Assert.Equal((AgreementState.Broken, 2), (world.Stored(plan).State, world.Stored(plan).Breaks));
    }

    [Fact]
    public async Task After_an_earlier_broken_promise_the_first_missed_instalment_escalates_and_ends_the_plan()
    {
        var (world, promise) = await AgreedAsync("2026-11-20T09:00:00+01:00", Promise("2026-11-24"));
        await world.RunAsync("D-1", 6);
        Assert.Equal(AgreementState.Broken, world.Stored(promise).State);
        var debtor = world.Ports.Debtors["D-1"];
        var plan = await world.AgreementDesk.AgreeAsync(debtor, Plan(160m, "2026-12-04", "2027-01-04", "2027-02-04"), ["RE-1"], promise: false, CancellationToken.None);

        var log = await world.RunAsync("D-1", 200);

        Assert.Single(world.BrokenPromises());
        Assert.Single(log, l => l.Result.Escalated.Contains(FollowUpEscalated));
        Assert.Single(world.FollowUps(), f => f.Key.StartsWith($"follow_up:{plan.Id}", StringComparison.Ordinal));
        Assert.Equal(AgreementState.Broken, world.Stored(plan).State);
    }

    [Fact]
    public async Task Three_agreements_in_a_row_leave_one_to_follow_up_and_at_most_one_escalation()
    {
        var world = new PlannerWorld("2026-11-20T09:00:00+01:00");
        var debtor = world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-10-31", 480m);
        var desk = world.AgreementDesk;
        var deferral = await desk.AgreeAsync(debtor, Promise("2026-12-26"), ["RE-1"], promise: false, CancellationToken.None);
        var three = await desk.AgreeAsync(debtor, Plan(160m, "2026-12-04", "2027-01-04", "2027-02-04"), ["RE-1"], promise: false, CancellationToken.None);
        var two = await desk.AgreeAsync(debtor, Plan(240m, "2026-12-04", "2027-01-04"), ["RE-1"], promise: false, CancellationToken.None);

        var log = await world.RunAsync("D-1", 120);

        Assert.Equal((AgreementState.Superseded, AgreementState.Superseded), (world.Stored(deferral).State, world.Stored(three).State));
        Assert.All(world.FollowUps(), f => Assert.StartsWith($"follow_up:{two.Id}:", f.Key, StringComparison.Ordinal));
        Assert.Single(world.BrokenPromises());
        Assert.Single(log, l => l.Result.Escalated.Contains(FollowUpEscalated));
    }
}
