using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>
/// A ladder stage with <c>EscalateToOwner</c> that still writes to the debtor: the reminder is planned like any other and
/// the owner is told once it landed. (Raising during a sweep's page recorded on the case under the page's pending write,
/// and the whole write was refused as a conflict.)
/// </summary>
public sealed class A_stage_that_also_escalates
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly Dictionary<string, string?> Ladder = new()
    {
        ["Dunning:Ladder:Stages:0:Key"] = "notice.final",
        ["Dunning:Ladder:Stages:0:OffsetDays"] = "3",
        ["Dunning:Ladder:Stages:0:EscalateToOwner"] = "true",
    };

    [Fact]
    public async Task A_sweep_enqueues_its_reminder_and_raises_one_escalation()
    {
        using var world = new ScheduleWorld(settings: Ladder);
        await world.AddDebtorAsync("D-1");
        await world.AddDebtorAsync("D-2");

        var report = await world.Sweep.SweepAsync(None);

        Assert.Equal((2, 0), (report.Of(PlanOutcome.Enqueued), report.Of(PlanOutcome.Conflict)));
        foreach (var id in new[] { "D-1", "D-2" })
        {
            var entry = await world.SingleEntryAsync(id);
            Assert.Equal((OutboxKinds.Reminder, OutboxStatus.Pending), (entry.Kind, entry.Status));
            var escalation = Assert.Single(await world.Get<IEscalationStore>().ListByDebtorAsync(id, None));
            Assert.Equal((EscalationReason.FinalStage, "Ladder stage notice.final reached"), (escalation.Reason, escalation.Detail));
            Assert.Equal(1, (await world.CaseAsync(id)).StageOf("RE-" + id));
        }
    }

    [Fact]
    public async Task The_next_sweep_raises_nothing_again()
    {
        using var world = new ScheduleWorld(settings: Ladder);
        await world.AddDebtorAsync("D-1");
        await world.Sweep.SweepAsync(None);
        world.Clock.Advance(TimeSpan.FromDays(1));

        await world.Sweep.SweepAsync(None);

        Assert.Single(await world.Get<IEscalationStore>().ListByDebtorAsync("D-1", None));
        Assert.Single(await world.Outbox.ListByDebtorAsync("D-1", None));
    }
}
