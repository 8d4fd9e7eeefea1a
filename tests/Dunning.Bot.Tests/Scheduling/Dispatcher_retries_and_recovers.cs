using Dunning.Bot.Channels;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Hosting.Coordination;

namespace Dunning.Bot.Tests.Scheduling;

public sealed class Dispatcher_retries_and_recovers
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_retry_waits_for_the_channels_retry_after_and_then_delivers()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1");
        await world.Sweep.SweepAsync(None);
        world.Channel.Script.Enqueue(DeliveryResult.RetryLater("429 Too Many Requests", TimeSpan.FromSeconds(90)));

        Assert.Equal(1, (await world.Dispatcher.DispatchAsync(None)).Retried);
        var waiting = await world.SingleEntryAsync("D-1");
        Assert.Equal((OutboxStatus.Pending, world.Now.AddSeconds(90), "429 Too Many Requests"), (waiting.Status, waiting.NextAttemptAt, waiting.LastError));

        world.Clock.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal(0, (await world.Dispatcher.DispatchAsync(None)).Total);
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await world.Dispatcher.DispatchAsync(None)).Sent);

        var sent = await world.SingleEntryAsync("D-1");
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Single(world.Channel.Sent);
    }

    [Fact]
    public async Task Without_retry_after_the_delay_doubles_and_the_entry_dies_after_the_last_attempt()
    {
        using var world = new ScheduleWorld(settings: new() { ["Scheduling:MaxAttempts"] = "3", ["Scheduling:BackoffBaseSeconds"] = "30" });
        await world.AddDebtorAsync("D-1");
        await world.Sweep.SweepAsync(None);
        for (var i = 0; i < 3; i++)
            world.Channel.Script.Enqueue(DeliveryResult.RetryLater("502 Bad Gateway"));

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await world.Dispatcher.DispatchAsync(None);
            var entry = await world.SingleEntryAsync("D-1");
            delays.Add(entry.NextAttemptAt - world.Now);
            world.Clock.SetUtcNow(entry.NextAttemptAt);
        }
        var last = await world.Dispatcher.DispatchAsync(None);

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], delays);
        Assert.Equal(1, last.Dead);
        var dead = await world.SingleEntryAsync("D-1");
        Assert.Equal(OutboxStatus.Dead, dead.Status);
        Assert.StartsWith("reminder:D-1:RE-D-1@1#dead-", dead.Key, StringComparison.Ordinal);
        Assert.Equal(0, (await world.CaseAsync("D-1")).StageOf("RE-D-1"));
        // The address itself is fine (only the attempts ran out), so it is not marked dead.
        Assert.Null((await world.Get<IDebtorStore>().FindAsync("D-1", None))!.Contact("telegram")!.DeadSince);
    }

    [Fact]
    public async Task A_dead_channel_marks_the_address_dead_and_tells_the_owner()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1");
        await world.Sweep.SweepAsync(None);
        world.Channel.Script.Enqueue(DeliveryResult.Dead("403 Forbidden: bot was blocked by the user"));

        Assert.Equal(1, (await world.Dispatcher.DispatchAsync(None)).Dead);

        var address = (await world.Get<IDebtorStore>().FindAsync("D-1", None))!.Contact("telegram")!;
        Assert.Equal((world.Now, "403 Forbidden: bot was blocked by the user"), (address.DeadSince!.Value, address.DeadReason));
        var escalation = Assert.Single(await world.Get<IEscalationStore>().ListByDebtorAsync("D-1", None));
        Assert.Equal(EscalationReason.DeadChannel, escalation.Reason);
        var dunningCase = await world.CaseAsync("D-1");
        Assert.Equal((0, world.Now), (dunningCase.StageOf("RE-D-1"), dunningCase.NextActionAt!.Value));

        // Re-planned at once: the only chat is dead now, so the rules suppress instead of sending into the void.
        var replan = new List<PlanResult>();
        await world.Sweep.SweepAsync(world.Now, None, replan.Add);
        Assert.Equal("address_dead", Assert.Single(replan).Reason);
    }

    [Fact]
    public async Task An_entry_left_sending_by_a_crash_is_sent_again_once_after_its_lease_and_a_sent_one_never()
    {
        using var world = new ScheduleWorld(settings: new() { ["Scheduling:LeaseSeconds"] = "120" });
        await world.AddDebtorAsync("D-1");
        await world.AddDebtorAsync("D-2");
        await world.Sweep.SweepAsync(None);
        await world.Dispatcher.DispatchAsync(None);   // both sent
        await world.AddDebtorAsync("D-3");
        await world.Sweep.SweepAsync(None);

        // The "crash": D-3's entry is leased (the channel may or may not have got it), and the process dies before the mark.
        var leased = await world.Outbox.LeaseAsync(world.Now, 10, TimeSpan.FromSeconds(120), None);
        Assert.Equal("D-3", Assert.Single(leased).DebtorId);

        world.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, (await world.Dispatcher.DispatchAsync(None)).Total);
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await world.Dispatcher.DispatchAsync(None)).Sent);
        world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await world.Dispatcher.DispatchAsync(None)).Total);

        Assert.Equal(["chat-D-1", "chat-D-2", "chat-D-3"], world.Channel.Sent.Select(s => s.Conversation).Order());
        var entry = await world.SingleEntryAsync("D-3");
        Assert.Equal((OutboxStatus.Sent, 2), (entry.Status, entry.Attempts));
        // The stale holder of the first lease cannot overwrite what the second one recorded.
        Assert.False(await world.Outbox.CompleteAsync(leased[0], null, None));
    }

    [Fact]
    public async Task A_quiet_hour_at_dispatch_time_defers_without_counting_an_attempt()
    {
        using var world = new ScheduleWorld("2026-03-10T19:59:00+01:00");
        await world.AddDebtorAsync("D-1");
        await world.Sweep.SweepAsync(None);
        world.Clock.Advance(TimeSpan.FromMinutes(2));   // 20:01: the window closed between planning and sending

        Assert.Equal(1, (await world.Dispatcher.DispatchAsync(None)).Deferred);

        var entry = await world.SingleEntryAsync("D-1");
        Assert.Equal((OutboxStatus.Pending, 0, DateTimeOffset.Parse("2026-03-11T08:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture)),
            (entry.Status, entry.Attempts, entry.NextAttemptAt));
        Assert.Equal(0, world.Channel.Calls);
    }

    [Fact]
    public async Task The_channel_rate_limit_spaces_the_sends()
    {
        using var world = new ScheduleWorld(settings: new() { ["Scheduling:RateLimits:telegram:Permits"] = "2", ["Scheduling:RateLimits:telegram:PerSeconds"] = "1" });
        for (var i = 1; i <= 5; i++)
            await world.AddDebtorAsync($"D-{i}");
        await world.Sweep.SweepAsync(None);

        // The budget runs on the host's clock: nothing more goes until a window has passed on it.
        var dispatch = world.Dispatcher.DispatchAsync(None);
        await Task.Delay(500);
        Assert.Equal(2, world.Channel.Calls);
        var windows = 0;
        while (!dispatch.IsCompleted && windows < 20)
        {
            world.Clock.Advance(TimeSpan.FromSeconds(1) + LocalSendBudget.Allowance);
            windows++;
            await Task.WhenAny(dispatch, Task.Delay(300));
        }

        Assert.Equal(5, (await dispatch).Sent);
        // 2 at once, 2 after the first window, 1 after the second.
        Assert.InRange(windows, 2, 3);
    }

    [Fact]
    public async Task A_channel_that_throws_is_treated_as_a_transient_failure()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1");
        await world.Sweep.SweepAsync(None);
        world.Channel.ThrowNext = new HttpRequestException("connection reset");

        var report = await world.Dispatcher.DispatchAsync(None);

        Assert.Equal(1, report.Retried);
        var entry = await world.SingleEntryAsync("D-1");
        Assert.Equal((OutboxStatus.Pending, "HttpRequestException: connection reset"), (entry.Status, entry.LastError));
        Assert.Equal(1, (await world.CaseAsync("D-1")).StageOf("RE-D-1"));
    }
}
