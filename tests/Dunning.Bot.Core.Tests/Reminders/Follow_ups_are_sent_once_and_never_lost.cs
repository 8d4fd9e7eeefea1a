using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;
using static Dunning.Bot.Core.Tests.Reminders.AgreementWorld;

namespace Dunning.Bot.Core.Tests.Reminders;

/// <summary>
/// Message first, state second, through the sweep's page buffer: a repeated sweep, a crash between the commit and the
/// agreement update, or a case changed during the page neither doubles nor loses the follow-up.
/// </summary>
public sealed class Follow_ups_are_sent_once_and_never_lost
{
    private const string CheckMorning = "2026-11-25T08:00:00+01:00";

    [Fact]
    public async Task The_sweep_run_twice_at_the_same_instant_enqueues_one_follow_up()
    {
        var (world, promise) = await KeptPromiseAsync();

        var first = Assert.Single(await world.SweepAsync());
        world.Case("D-1").NextActionAt = world.Now;
        var second = Assert.Single(await world.SweepAsync());

        Assert.Equal((PlanOutcome.Enqueued, "follow_up.kept"), (first.Outcome, first.StageKey));
        Assert.Equal(PlanOutcome.Waiting, second.Outcome);
        Assert.Single(world.FollowUps());
        Assert.Equal(AgreementState.Kept, world.Stored(promise).State);
    }

    [Fact]
    public async Task A_crash_between_commit_and_update_sends_nothing_twice_and_the_next_sweep_updates_the_agreement()
    {
        var (world, promise) = await KeptPromiseAsync();

        Assert.Equal(PlanOutcome.Enqueued, Assert.Single(await world.SweepAsync(applyAfterCommit: false)).Outcome);
        Assert.Equal(AgreementState.Active, world.Stored(promise).State);
        world.Ports.Deliver(world.Now);
        world.Clock.SetUtcNow(world.Case("D-1").NextActionAt!.Value);

        var next = Assert.Single(await world.SweepAsync());

        Assert.NotEqual(PlanOutcome.Enqueued, next.Outcome);
        Assert.Single(world.FollowUps());
        Assert.Equal(AgreementState.Kept, world.Stored(promise).State);
        Assert.Single(world.Case("D-1").History, a => a.Summary == $"Agreement {promise.Id} kept");
    }

    [Fact]
    public async Task A_second_break_applied_only_after_a_crash_still_escalates_once()
    {
        var (world, plan) = await AgreedAsync("2026-11-20T09:00:00+01:00", Plan(240m, "2026-11-24", "2026-11-27"));
        world.Clock.SetUtcNow(PlannerWorld.At("2026-11-28T08:00:00+01:00"));
        world.Case("D-1").NextActionAt = world.Now;

        Assert.Equal("follow_up.escalated", Assert.Single(await world.SweepAsync(applyAfterCommit: false)).StageKey);
        Assert.Empty(world.BrokenPromises());
        world.Ports.Deliver(world.Now);
        world.Clock.SetUtcNow(world.Case("D-1").NextActionAt!.Value);
        await world.SweepAsync();
        world.Clock.SetUtcNow(world.Now.AddHours(2));
        world.Case("D-1").NextActionAt = world.Now;
        await world.SweepAsync();

        Assert.Single(world.FollowUps());
        Assert.Single(world.BrokenPromises());
        Assert.Equal((AgreementState.Broken, 2), (world.Stored(plan).State, world.Stored(plan).Breaks));
    }

    [Fact]
    public async Task A_case_changed_during_the_page_loses_nothing_and_the_next_sweep_sends_the_follow_up()
    {
        var (world, promise) = await KeptPromiseAsync();

        var planned = Assert.Single(await world.SweepAsync(beforeCommit: () =>
        {
            // A payment or a dialog saves the case while the page is being planned.
            var meanwhile = world.Case("D-1");
            meanwhile.Record(new CaseAction(world.Now, CaseActionKinds.Payment, "bank", Actor: "api"));
            world.Ports.SaveAsync(meanwhile, CancellationToken.None).GetAwaiter().GetResult();
        }));

        Assert.Equal(PlanOutcome.Enqueued, planned.Outcome);
        Assert.Empty(world.FollowUps());
        Assert.Equal(AgreementState.Active, world.Stored(promise).State);

        var retried = Assert.Single(await world.SweepAsync());

        Assert.Equal(PlanOutcome.Enqueued, retried.Outcome);
        Assert.Single(world.FollowUps());
        Assert.Equal(AgreementState.Kept, world.Stored(promise).State);
    }

    [Fact]
    public async Task The_single_debtor_path_updates_the_agreement_right_after_the_enqueue()
    {
        var (world, promise) = await KeptPromiseAsync();

        var result = await world.PlanAsync("D-1");

        Assert.Equal(PlanOutcome.Enqueued, result.Outcome);
        Assert.Equal(AgreementState.Kept, world.Stored(promise).State);
        Assert.Null(world.Ports.Invoices["RE-1"].Pause);
        Assert.Equal(PlanOutcome.Waiting, (await world.PlanAsync("D-1")).Outcome);
        Assert.Single(world.FollowUps());
    }

    [Fact]
    public async Task Agreements_of_other_debtors_or_without_instalments_are_ignored_and_names_are_not_templates()
    {
        var (world, _) = await KeptPromiseAsync();
        var debtor = world.Ports.Debtors["D-1"];
        debtor.Name = "{{ 7 | times: 6 }} {% raw %}<b>";
        var foreign = Promise("2026-11-24").ToAgreement("A-foreign", "D-2", ["RE-1"], world.Now.AddDays(-10));
        foreign.Agree(world.Now.AddDays(-10), "bot");
        var empty = new PaymentAgreement { Id = "A-empty", DebtorId = "D-1", Kind = AgreementKind.Deferral, InvoiceNumbers = ["RE-1"], Currency = "EUR", Schedule = [] };
        empty.Agree(world.Now.AddDays(-10), "bot");
        var running = await world.FollowUps.ListRunningAsync(["D-1"], CancellationToken.None);

        var plan = await world.FollowUps.PlanAsync(
            new FollowUpRequest(debtor, "de", PlannerWorld.Day("2026-11-25"), [.. running, foreign, empty], [world.Ports.Invoices["RE-1"]]), CancellationToken.None);

        var due = Assert.Single(plan.Due);
        Assert.Equal(running.Single().Id, due.Agreement.Id);
        Assert.Contains("{{ 7 | times: 6 }} {% raw %}<b>", due.Text, StringComparison.Ordinal);
    }

    /// <summary>A promise of 480 € by Tue 24 Nov 2026, paid on the 23rd; the clock on the check morning, the case due.</summary>
    private static async Task<(PlannerWorld World, PaymentAgreement Promise)> KeptPromiseAsync()
    {
        var (world, promise) = await AgreedAsync("2026-11-20T09:00:00+01:00", Promise("2026-11-24"));
        world.Pay("2026-11-23", 480m);
        world.Clock.SetUtcNow(PlannerWorld.At(CheckMorning));
        world.Case("D-1").NextActionAt = world.Now;
        return (world, promise);
    }
}
