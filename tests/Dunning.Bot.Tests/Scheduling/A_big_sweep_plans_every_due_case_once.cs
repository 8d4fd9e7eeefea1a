using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Scheduling;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>
/// A sweep pages through the due cases: oldest first when few are due, in debtor order when most are (after an import
/// or downtime). Either way every due case is planned exactly once in the run, and cases not due are left alone.
/// </summary>
public sealed class A_big_sweep_plans_every_due_case_once
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(2, 12, 0)]    // 12 due, pages of 2: most are due → walked in debtor order
    [InlineData(2, 12, 3)]    // 3 more not due, between the due ones
    [InlineData(5, 3, 20)]    // few due among many: oldest first
    [InlineData(500, 12, 3)]  // all on one page
    public async Task Each_due_debtor_gets_one_reminder_and_the_others_none(int pageSize, int dueCount, int notDueCount)
    {
        using var world = new ScheduleWorld(settings: new() { ["Scheduling:SweepPageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var due = new List<string>();
        var notDue = new List<string>();
        // Interleaved ids, added in an order that is neither id order nor due order.
        for (var i = dueCount + notDueCount - 1; i >= 0; i--)
        {
            var id = $"D-{(i * 7) % (dueCount + notDueCount):D3}";
            var isDue = due.Count < dueCount && (notDue.Count >= notDueCount || i % 2 == 0);
            await world.AddDebtorAsync(id);
            if (isDue)
                due.Add(id);
            else
            {
                notDue.Add(id);
                await world.Cases.UpdateAsync(id, c => c.NextActionAt = world.Now.AddDays(2), None);
            }
        }

        var report = await world.Sweep.SweepAsync(None);

        Assert.Equal(dueCount, report.Of(PlanOutcome.Enqueued));
        Assert.Equal(dueCount, report.Total);
        foreach (var id in due)
            Assert.Equal(OutboxKinds.Reminder, (await world.SingleEntryAsync(id)).Kind);
        foreach (var id in notDue)
            Assert.Empty(await world.Outbox.ListByDebtorAsync(id, None));
        Assert.Equal(0, (await world.Sweep.SweepAsync(None)).Of(PlanOutcome.Enqueued));
    }
}
