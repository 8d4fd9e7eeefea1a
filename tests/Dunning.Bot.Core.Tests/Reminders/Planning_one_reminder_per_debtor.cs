using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Core.Tests.Reminders;

public sealed class Planning_one_reminder_per_debtor
{
    [Fact]
    public async Task All_due_invoices_go_into_one_message_and_each_keeps_its_own_stage()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-02-20", 300m);   // 18 days overdue: request.first (stage 2) after a friendly reminder
        world.AddInvoice("D-1", "RE-2", "2026-03-05", 120m);   // 5 days overdue: reminder.friendly (stage 1)
        world.Case("D-1").Stages["RE-1"] = 1;
        world.Case("D-1").History.Add(new CaseAction(PlannerWorld.At("2026-02-24T10:00:00+01:00"), CaseActionKinds.Reminder, "x", "telegram", ["RE-1"]));

        var result = await world.PlanAsync("D-1");

        Assert.Equal(PlanOutcome.Enqueued, result.Outcome);
        var entry = Assert.Single(world.Ports.Outbox);
        Assert.Equal("reminder:D-1:RE-1@2+RE-2@1", entry.Key);
        Assert.Equal("request_first", entry.MessageKey);
        Assert.Equal([("RE-1", 2, 1), ("RE-2", 1, 0)], entry.Items.Select(i => (i.InvoiceNumber, i.Stage, i.PreviousStage)));
        Assert.Equal(2, world.Case("D-1").StageOf("RE-1"));
        Assert.Equal(1, world.Case("D-1").StageOf("RE-2"));
        // The entry carries the plan, not text: what the dispatcher renders from it names both invoices and the deadline.
        Assert.Equal("", entry.Text);
        var text = world.Rendered(entry);
        Assert.Contains("RE-1", text, StringComparison.Ordinal);
        Assert.Contains("RE-2", text, StringComparison.Ordinal);
        Assert.Contains("20.03.2026", text, StringComparison.Ordinal); // deadline: sent 10 March + 10 days
        Assert.Equal("telegram/chat-D-1", entry.ConversationKey);
    }

    [Fact]
    public async Task Planning_twice_at_the_same_instant_enqueues_once()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-03-05");

        var first = await world.PlanAsync("D-1");
        var second = await world.PlanAsync("D-1");

        Assert.Equal(PlanOutcome.Enqueued, first.Outcome);
        Assert.Equal(PlanOutcome.Waiting, second.Outcome);
        Assert.Single(world.Ports.Outbox);
        Assert.Equal(1, world.Case("D-1").StageOf("RE-1"));
    }

    [Fact]
    public async Task Paid_disputed_and_written_off_invoices_are_left_out()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-03-01").Book(new Payment(PlannerWorld.Day("2026-03-08"), 500m, "bank-1"));
        world.AddInvoice("D-1", "RE-2", "2026-03-01").MarkDisputed("never delivered");
        world.AddInvoice("D-1", "RE-3", "2026-03-01").WriteOff(world.Now);
        world.AddInvoice("D-1", "RE-4", "2026-03-01");

        var result = await world.PlanAsync("D-1");

        Assert.Equal(["RE-4"], result.InvoiceNumbers);
        var text = world.Rendered(world.Ports.Outbox[0]);
        Assert.Contains("RE-4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RE-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RE-2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_left_to_dun_clears_the_next_action()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        world.AddDebtor("D-1");
        world.AddInvoice("D-1", "RE-1", "2026-03-01").Book(new Payment(PlannerWorld.Day("2026-03-08"), 500m, "bank-1"));

        var result = await world.PlanAsync("D-1");

        Assert.Equal(PlanOutcome.NothingDue, result.Outcome);
        Assert.Null(world.Case("D-1").NextActionAt);
        Assert.Empty(world.Ports.Outbox);
    }

    [Fact]
    public async Task A_partial_payment_shows_the_remaining_balance()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        world.AddDebtor("D-1", language: "en");
        world.AddInvoice("D-1", "RE-1", "2026-03-05", 1_000m).Book(new Payment(PlannerWorld.Day("2026-03-06"), 400m, "bank-1"));

        await world.PlanAsync("D-1");

        var text = world.Rendered(world.Ports.Outbox.Single());
        Assert.Contains("€600.00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("€1,000.00", text, StringComparison.Ordinal);
        Assert.Contains("20 March 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_debtor_gets_nothing_and_its_case_goes_quiet()
    {
        var world = new PlannerWorld("2026-03-10T09:00:00+01:00");
        world.Ports.Cases["D-404"] = new DunningCase { DebtorId = "D-404", NextActionAt = world.Now, Version = 1 };

        var result = await world.PlanAsync("D-404");

        Assert.Equal("no_debtor", result.Reason);
        Assert.Null(world.Case("D-404").NextActionAt);
    }

    [Fact]
    public async Task A_blank_debtor_id_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => new PlannerWorld("2026-03-10T09:00:00+01:00").PlanAsync(" "));
}
