using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Microsoft.Extensions.Options;
using static Dunning.Bot.Core.Tests.Policies.PolicyFixtures;

namespace Dunning.Bot.Core.Tests.Policies;

/// <summary>The 7-day cap, the minimum gap, opt-outs, takeover and invoice status.</summary>
public class Contact_rules_cap_how_often_we_write
{
    private readonly ContactRules rules = Contact();

    private ContactDecision Evaluate(string now, IReadOnlyList<DateTimeOffset>? recent = null, Debtor? debtor = null,
        IReadOnlyList<Invoice>? invoices = null, bool staff = false, string channel = ChannelKind.Telegram) =>
        rules.Evaluate(new ContactRequest
        {
            Debtor = debtor ?? Debtor(),
            Channel = channel,
            Now = At(now),
            RecentProactive = recent ?? [],
            Invoices = invoices ?? [],
            StaffOwnsConversation = staff,
        });

    private static readonly DateTimeOffset[] ThreeThisWeek =
        [At("2026-03-02T10:00:00+01:00"), At("2026-03-04T10:00:00+01:00"), At("2026-03-06T10:00:00+01:00")];

    [Fact]
    public void The_third_message_in_seven_days_is_allowed_and_the_fourth_waits_until_the_oldest_leaves_the_window()
    {
        Assert.True(Evaluate("2026-03-06T10:00:00+01:00", ThreeThisWeek[..2]).IsAllowed);
        var fourth = Evaluate("2026-03-09T09:59:00+01:00", ThreeThisWeek);
        Assert.Equal(ContactDecisionKind.Deferred, fourth.Kind);
        Assert.Equal("cap_7_days", fourth.Reason);
        Assert.Equal(At("2026-03-09T10:00:00+01:00"), fourth.Until);
        Assert.True(Evaluate("2026-03-09T10:00:00+01:00", ThreeThisWeek).IsAllowed);
    }

    [Fact]
    public void A_capped_message_that_would_free_up_at_night_waits_for_the_morning()
    {
        var lateSends = ThreeThisWeek.Select(s => s.AddHours(11)).ToArray(); // 21:00 each (sent before a policy change)
        var decision = Evaluate("2026-03-09T12:00:00+01:00", lateSends);
        Assert.Equal("cap_7_days", decision.Reason);
        Assert.Equal(At("2026-03-10T08:00:00+01:00"), decision.Until);
    }

    [Fact]
    public void The_gap_is_exactly_48_hours()
    {
        DateTimeOffset[] last = [At("2026-03-03T10:00:00+01:00")];
        var early = Evaluate("2026-03-05T09:59:59+01:00", last);
        Assert.Equal(("min_gap", At("2026-03-05T10:00:00+01:00")), (early.Reason, early.Until!.Value));
        Assert.True(Evaluate("2026-03-05T10:00:00+01:00", last).IsAllowed);
    }

    [Fact]
    public void Sends_older_than_seven_days_or_out_of_order_lists_do_not_confuse_the_cap()
    {
        DateTimeOffset[] shuffled = [At("2026-02-01T10:00:00+01:00"), ThreeThisWeek[2], At("2026-02-20T10:00:00+01:00"), ThreeThisWeek[0]];
        Assert.True(Evaluate("2026-03-09T09:00:00+01:00", shuffled).IsAllowed);
        var many = Enumerable.Range(0, 10_000).Select(i => At("2026-01-01T00:00:00Z").AddMinutes(i)).ToArray();
        Assert.True(Evaluate("2026-03-09T09:00:00+01:00", many).IsAllowed);
    }

    [Fact]
    public void An_opted_out_dead_or_missing_channel_is_suppressed_but_other_channels_still_work()
    {
        var debtor = Debtor();
        debtor.Reach(ChannelKind.WebChat, "conv-1");
        debtor.Contact(ChannelKind.Telegram)!.OptedOutAt = At("2026-03-01T10:00:00Z");
        Assert.Equal("opted_out", Evaluate("2026-03-10T10:00:00+01:00", debtor: debtor).Reason);
        Assert.Equal(ContactDecisionKind.Suppressed, Evaluate("2026-03-10T10:00:00+01:00", debtor: debtor).Kind);
        Assert.True(Evaluate("2026-03-10T10:00:00+01:00", debtor: debtor, channel: ChannelKind.WebChat).IsAllowed);
        Assert.Equal("no_address", Evaluate("2026-03-10T10:00:00+01:00", debtor: debtor, channel: ChannelKind.Teams).Reason);
        debtor.Contact(ChannelKind.WebChat)!.DeadSince = At("2026-03-02T10:00:00Z");
        Assert.Equal("address_dead", Evaluate("2026-03-10T10:00:00+01:00", debtor: debtor, channel: ChannelKind.WebChat).Reason);
    }

    [Fact]
    public void Nothing_goes_out_while_staff_own_the_conversation()
    {
        var decision = Evaluate("2026-03-10T10:00:00+01:00", staff: true);
        Assert.Equal((ContactDecisionKind.Suppressed, "staff_owns"), (decision.Kind, decision.Reason));
    }

    [Fact]
    public void An_invoice_paid_between_scheduling_and_sending_is_not_reminded()
    {
        var invoice = Invoice(480m);
        Assert.True(Evaluate("2026-03-10T10:00:00+01:00", invoices: [invoice]).IsAllowed);
        invoice.Book(new Payment(Day("2026-03-10"), 480m, "bank"));
        var decision = Evaluate("2026-03-10T10:00:00+01:00", invoices: [invoice]);
        Assert.Equal((ContactDecisionKind.Suppressed, "invoice_paid"), (decision.Kind, decision.Reason));
    }

    [Fact]
    public void A_partial_payment_keeps_the_invoice_in_the_message()
    {
        var invoice = Invoice(480m);
        invoice.Book(new Payment(Day("2026-03-01"), 100m, "bank"));
        var decision = Evaluate("2026-03-10T10:00:00+01:00", invoices: [invoice]);
        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.Excluded);
    }

    [Fact]
    public void Disputed_paused_and_written_off_invoices_are_dropped_and_named()
    {
        var now = At("2026-03-10T10:00:00+01:00");
        var disputed = Invoice(number: "RE-D");
        disputed.MarkDisputed("wrong amount");
        var paused = Invoice(number: "RE-P");
        paused.PauseDunning("already paid, checking", At("2026-03-12T00:00:00+01:00"), now.AddDays(-1));
        var written = Invoice(number: "RE-W");
        written.WriteOff(now.AddDays(-2));
        var open = Invoice(number: "RE-O");

        var mixed = Evaluate("2026-03-10T10:00:00+01:00", invoices: [disputed, paused, written, open]);
        Assert.True(mixed.IsAllowed);
        Assert.Equal([("RE-D", "invoice_disputed"), ("RE-P", "invoice_paused"), ("RE-W", "invoice_written_off")], mixed.Excluded);

        Assert.Equal("invoice_disputed", Evaluate("2026-03-10T10:00:00+01:00", invoices: [disputed, paused]).Reason);
    }

    [Fact]
    public void A_pause_with_an_expiry_ends_exactly_at_its_end()
    {
        var paused = Invoice();
        paused.PauseDunning("promised to pay", At("2026-03-12T09:00:00+01:00"), At("2026-03-01T09:00:00+01:00"));
        Assert.Equal("invoice_paused", Evaluate("2026-03-12T08:59:59+01:00", invoices: [paused]).Reason);
        Assert.True(Evaluate("2026-03-12T09:00:00+01:00", invoices: [paused]).IsAllowed);
    }

    [Fact]
    public void Suppression_reasons_win_over_timing_so_a_paid_invoice_is_never_merely_deferred()
    {
        var invoice = Invoice();
        invoice.Book(new Payment(Day("2026-03-08"), 480m, "bank"));
        Assert.Equal(ContactDecisionKind.Suppressed, Evaluate("2026-03-08T23:00:00+01:00", ThreeThisWeek, invoices: [invoice]).Kind);
    }

    [Fact]
    public void Invalid_contact_options_fail_fast()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Contact(new ContactRulesOptions
        {
            WindowStart = new TimeOnly(20, 0), WindowEnd = new TimeOnly(8, 0), MaxProactivePer7Days = 0, MinGapHours = -1,
        }));
        Assert.Equal(3, ex.Failures.Count());
    }

    [Fact]
    public void The_decision_prints_its_rule_for_the_simulation()
    {
        Assert.Equal("deferred until 2026-03-09T08:00:00+01:00 (sunday)", Evaluate("2026-03-08T10:00:00+01:00").ToString());
        Assert.Equal("allowed (ok)", Evaluate("2026-03-09T10:00:00+01:00").ToString());
    }
}
