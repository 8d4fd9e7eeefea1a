using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>
/// A sweep pages through the due cases: oldest first when few are due, in debtor order when most are (after an import
/// or downtime). Either way every due case is planned exactly once in the run, and cases not due are left alone.
/// </summary>
public sealed class A_big_sweep_plans_every_due_case_once
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(2, 12, 0, "Direct")]    // 12 due, pages of 2: most are due → walked in debtor order, pages overlapping
    [InlineData(2, 12, 3, "Direct")]    // 3 more not due, between the due ones
    [InlineData(5, 3, 20, "Direct")]    // few due among many: oldest first
    [InlineData(500, 12, 3, "Direct")]  // all on one page
    [InlineData(2, 12, 3, "Shared")]    // LiteDB's shared connection: walked in debtor order, one thread
    [InlineData(5, 3, 4, "Shared")]
    public async Task Each_due_debtor_gets_one_reminder_and_the_others_none(int pageSize, int dueCount, int notDueCount, string connection)
    {
        using var world = new ScheduleWorld(settings: new()
        {
            ["Scheduling:SweepPageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:Connection"] = connection,
        });
        var due = new List<string>();
        var notDue = new List<string>();
        // Interleaved ids, added in an order that is neither id order nor due order.
        for (var i = dueCount + notDueCount - 1; i >= 0; i--)
        {
            var id = $"D-{(i * 11) % (dueCount + notDueCount):D3}";   // 11 is prime to every total below
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

        // Shared: each store call opens the file under a process-wide mutex; a lock left behind on another thread would
        // make every later call wait LiteDB's minute-long timeout.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(dueCount, report.Of(PlanOutcome.Enqueued));
        Assert.Equal(dueCount, report.Total);
        foreach (var id in due)
            Assert.Equal(OutboxKinds.Reminder, (await world.SingleEntryAsync(id)).Kind);
        foreach (var id in notDue)
            Assert.Empty(await world.Outbox.ListByDebtorAsync(id, None));
        Assert.Equal(0, (await world.Sweep.SweepAsync(None)).Of(PlanOutcome.Enqueued));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"reading back took {watch.Elapsed}");
    }
}
