using Dunning.Bot.Core.Claims;
using Dunning.Bot.Channels;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Tests.Scheduling;

public sealed class Outbox_delivers_each_stage_once
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Running_the_sweep_twice_enqueues_once()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1");

        var first = await world.Sweep.SweepAsync(None);
        await world.Cases.TouchAsync("D-1", world.Now, None);
        var second = await world.Sweep.SweepAsync(None);

        Assert.Equal(1, first.Of(PlanOutcome.Enqueued));
        Assert.Equal(0, second.Of(PlanOutcome.Enqueued));
        var entry = await world.SingleEntryAsync("D-1");
        Assert.Equal("reminder:D-1:RE-D-1@1", entry.Key);
        Assert.Equal(1, (await world.CaseAsync("D-1")).StageOf("RE-D-1"));
    }

    [Fact]
    public async Task The_same_key_is_refused_and_nothing_of_the_second_write_lands()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1");
        await world.Sweep.SweepAsync(None);
        var entry = await world.SingleEntryAsync("D-1");
        var dunningCase = await world.CaseAsync("D-1");
        dunningCase.NextActionAt = world.Now.AddYears(1);

        var copy = new OutboxEntry
        {
            Key = entry.Key, DebtorId = "D-1", Kind = entry.Kind, Channel = entry.Channel, ConversationKey = entry.ConversationKey,
            Language = "de", MessageKey = entry.MessageKey, Text = "again", CreatedAt = world.Now,
        };

        Assert.False(await world.Outbox.EnqueueAsync(copy, dunningCase, None));
        Assert.NotEqual(world.Now.AddYears(1), (await world.CaseAsync("D-1")).NextActionAt);
    }

    [Fact]
    public async Task An_enqueue_with_a_stale_case_writes_neither_the_entry_nor_the_case()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1");
        var stale = await world.CaseAsync("D-1");
        await world.Cases.TouchAsync("D-1", world.Now.AddMinutes(-1), None);
        stale.Advance("RE-D-1", 1);
        var entry = new OutboxEntry
        {
            Key = "reminder:D-1:RE-D-1@1", DebtorId = "D-1", Kind = OutboxKinds.Reminder, Channel = "telegram", ConversationKey = "telegram/chat-D-1",
            Language = "de", MessageKey = "reminder_friendly", Text = "x", CreatedAt = world.Now,
        };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => world.Outbox.EnqueueAsync(entry, stale, None));
        Assert.Empty(await world.Outbox.ListByDebtorAsync("D-1", None));
        Assert.Equal(0, (await world.CaseAsync("D-1")).StageOf("RE-D-1"));
    }

    [Fact]
    public async Task A_delivered_reminder_is_marked_sent_and_recorded_in_the_case()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1");
        await world.Sweep.SweepAsync(None);

        var report = await world.Dispatcher.DispatchAsync(None);

        Assert.Equal(1, report.Sent);
        var (_, conversation, text) = Assert.Single(world.Channel.Sent);
        Assert.Equal("chat-D-1", conversation);
        Assert.Contains("RE-D-1", text, StringComparison.Ordinal);
        var entry = await world.SingleEntryAsync("D-1");
        Assert.Equal((OutboxStatus.Sent, 1, world.Now, (string?)null), (entry.Status, entry.Attempts, entry.SentAt!.Value, entry.LeaseId));
        var dunningCase = await world.CaseAsync("D-1");
        Assert.Equal(world.Now, dunningCase.LastContactAt);
        var action = Assert.Single(dunningCase.History, a => a.Kind == CaseActionKinds.Reminder);
        Assert.Equal("telegram", action.Channel);
        Assert.Equal(["RE-D-1"], action.InvoiceNumbers!);
        Assert.Equal(0, (await world.Dispatcher.DispatchAsync(None)).Total);
    }

    [Fact]
    public async Task An_invoice_paid_between_scheduling_and_sending_cancels_the_message()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1");
        await world.Sweep.SweepAsync(None);
        await world.Get<ClaimBook>().PayAsync("RE-D-1", new Payment(new DateOnly(2026, 3, 10), 500m, "bank-7"), "test", None);

        var report = await world.Dispatcher.DispatchAsync(None);

        Assert.Equal(1, report.Cancelled);
        Assert.Equal(0, world.Channel.Calls);
        var entry = await world.SingleEntryAsync("D-1");
        Assert.Equal((OutboxStatus.Cancelled, "invoice_paid"), (entry.Status, entry.LastError));
        var dunningCase = await world.CaseAsync("D-1");
        Assert.Equal(0, dunningCase.StageOf("RE-D-1"));
        Assert.Contains(dunningCase.History, a => a.Kind == CaseActionKinds.Suppressed && a.Summary.Contains("invoice_paid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partial_payment_between_scheduling_and_sending_shows_the_new_balance()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1", total: 800m, language: "en");
        await world.Sweep.SweepAsync(None);
        await world.Get<ClaimBook>().PayAsync("RE-D-1", new Payment(new DateOnly(2026, 3, 10), 300m, "bank-7"), "test", None);

        await world.Dispatcher.DispatchAsync(None);

        var text = Assert.Single(world.Channel.Sent).Text;
        Assert.Contains("€500.00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("€800.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_taking_over_before_the_send_cancels_it()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1");
        await world.Sweep.SweepAsync(None);
        var conversations = world.Get<IConversationStore>();
        var link = (await conversations.FindAsync("telegram/chat-D-1", None))!;
        link.Handoff = HandoffState.Human;
        await conversations.SaveAsync(link, None);

        Assert.Equal(1, (await world.Dispatcher.DispatchAsync(None)).Cancelled);
        Assert.Equal(0, world.Channel.Calls);
    }

    [Fact]
    public async Task A_hostile_entry_pointing_at_another_debtors_chat_is_never_sent()
    {
        using var world = new ScheduleWorld();
        await world.AddDebtorAsync("D-1");
        await world.AddDebtorAsync("D-2");
        var forged = new OutboxEntry
        {
            Key = "reminder:D-1:RE-D-1@1", DebtorId = "D-1", Kind = OutboxKinds.Reminder, Channel = "telegram", ConversationKey = "telegram/chat-D-2",
            Language = "de", MessageKey = "reminder_friendly", Text = "x", CreatedAt = world.Now, NextAttemptAt = world.Now,
            Items = [new OutboxItem("RE-D-1", 1, 0, null)],
        };
        Assert.True(await world.Outbox.EnqueueAsync(forged, await world.CaseAsync("D-1"), None));

        Assert.Equal(1, (await world.Dispatcher.DispatchAsync(None)).Cancelled);
        Assert.Equal(0, world.Channel.Calls);
    }
}
