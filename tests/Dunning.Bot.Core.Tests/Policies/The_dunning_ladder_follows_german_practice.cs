using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Microsoft.Extensions.Options;
using static Dunning.Bot.Core.Tests.Policies.PolicyFixtures;

namespace Dunning.Bot.Core.Tests.Policies;

public class The_dunning_ladder_follows_german_practice
{
    private readonly DunningLadder ladder = Ladder();

    [Fact]
    public void The_default_ladder_follows_German_practice()
    {
        Assert.Equal(["reminder.friendly", "request.first", "request.second", "notice.final", "escalation.legal"], ladder.Stages.Select(s => s.Key));
        Assert.Equal([3, 14, 28, 42, 56], ladder.Stages.Select(s => s.OffsetDays));
        Assert.True(ladder.Stages[^1].EscalateToOwner);
        Assert.False(ladder.Stages[^1].NotifyDebtor);
        Assert.Equal([1, 2, 3, 4, 5], ladder.Stages.Select(s => s.Number));
    }

    [Fact]
    public void Nothing_is_due_before_the_first_offset_and_the_friendly_reminder_is_due_on_it()
    {
        var invoice = Invoice(due: Day("2025-03-10"));
        Assert.Null(ladder.Due(invoice, DebtorKind.Consumer, 0, null, Day("2025-03-12")));
        var due = ladder.Due(invoice, DebtorKind.Consumer, 0, null, Day("2025-03-13"));
        Assert.NotNull(due);
        Assert.Equal("reminder.friendly", due.Stage.Key);
        Assert.Equal(Day("2025-03-13"), due.DueOn);
        Assert.Equal(Day("2025-03-23"), due.Deadline);
        Assert.Equal(Money.Euro(0m), due.Fee);
    }

    [Fact]
    public void After_downtime_only_the_next_stage_is_due_never_the_missed_ones_at_once()
    {
        var invoice = Invoice(due: Day("2025-03-10"));
        // 50 days late, nothing sent: stages 1-4 are all past their offsets, but only stage 1 is due.
        var due = ladder.Due(invoice, DebtorKind.Consumer, 0, null, Day("2025-04-29"));
        Assert.Equal(1, due!.Stage.Number);
        // Stage 1 sent on 04-29 with a deadline of 05-09: stage 2 waits for the day after that deadline.
        Assert.Equal(Day("2025-05-10"), ladder.NextDueDate(invoice.DueDate, 1, Day("2025-04-29")));
        Assert.Null(ladder.Due(invoice, DebtorKind.Consumer, 1, Day("2025-04-29"), Day("2025-05-09")));
        Assert.Equal(2, ladder.Due(invoice, DebtorKind.Consumer, 1, Day("2025-04-29"), Day("2025-05-10"))!.Stage.Number);
    }

    [Fact]
    public void The_min_gap_holds_the_next_stage_when_the_deadline_rule_is_off()
    {
        var gapOnly = Ladder(new DunningLadderOptions { MinGapDays = 7, WaitForPreviousDeadline = false });
        // Stage 1 sent late on day +20: stage 2's offset (+14) has passed, the gap puts it at +27.
        Assert.Equal(Day("2025-03-17"), gapOnly.NextDueDate(Day("2025-02-18"), 1, Day("2025-03-10")));
        // Sent on time on +3: the offset (+14) is later than the gap (+10) and wins.
        Assert.Equal(Day("2025-03-04"), gapOnly.NextDueDate(Day("2025-02-18"), 1, Day("2025-02-21")));
    }

    [Fact]
    public void On_time_the_stages_follow_their_offsets()
    {
        var due = Day("2025-01-15");
        Assert.Equal(Day("2025-01-18"), ladder.NextDueDate(due, 0, null));
        Assert.Equal(Day("2025-01-29"), ladder.NextDueDate(due, 1, Day("2025-01-18")));
        Assert.Equal(Day("2025-02-12"), ladder.NextDueDate(due, 2, Day("2025-01-29")));
        Assert.Equal(Day("2025-02-26"), ladder.NextDueDate(due, 3, Day("2025-02-12")));
        Assert.Equal(Day("2025-03-12"), ladder.NextDueDate(due, 4, Day("2025-02-26")));
        Assert.Null(ladder.NextDueDate(due, 5, Day("2025-03-12")));
    }

    [Fact]
    public void Businesses_owe_the_40_euro_lump_sum_once_per_invoice_and_consumers_nothing()
    {
        Assert.Equal(Money.Euro(0m), ladder.FeesAccrued(DebtorKind.Business, 1, "EUR"));
        Assert.Equal(Money.Euro(40m), ladder.FeesAccrued(DebtorKind.Business, 2, "EUR"));
        Assert.Equal(Money.Euro(40m), ladder.FeesAccrued(DebtorKind.Business, 5, "EUR"));
        Assert.Equal(Money.Euro(0m), ladder.FeesAccrued(DebtorKind.Consumer, 5, "EUR"));
        var invoice = Invoice(due: Day("2025-01-15"));
        Assert.Equal(Money.Euro(40m), ladder.Due(invoice, DebtorKind.Business, 1, Day("2025-01-18"), Day("2025-01-29"))!.Fee);
        Assert.Equal(Money.Euro(0m), ladder.Due(invoice, DebtorKind.Business, 2, Day("2025-01-29"), Day("2025-02-12"))!.Fee);
    }

    [Fact]
    public void Per_stage_fees_add_up_when_not_once_per_invoice_and_are_not_charged_in_other_currencies()
    {
        var custom = Ladder(new DunningLadderOptions
        {
            Stages =
            [
                new() { Key = "a", OffsetDays = 5, ConsumerFee = 2.50m },
                new() { Key = "b", OffsetDays = 20, ConsumerFee = 2.50m },
            ],
        });
        Assert.Equal(Money.Euro(5.00m), custom.FeesAccrued(DebtorKind.Consumer, 2, "EUR"));
        Assert.Equal(new Money(0m, "USD"), custom.FeesAccrued(DebtorKind.Consumer, 2, "usd"));
        Assert.Equal(Money.Euro(0m), custom.FeesAccrued(DebtorKind.Business, 2, "EUR"));
    }

    [Fact]
    public void A_deadline_on_a_weekend_or_holiday_moves_to_the_next_working_day()
    {
        var calendar = new HolidayCalendar();
        var stage = ladder.Stage(1)!;
        // Sent Tuesday 2026-12-15 + 10 days = Friday 25 December (holiday), 26th holiday, 27th Sunday -> Monday 28th.
        Assert.Equal(Day("2026-12-28"), DunningLadder.DeadlineFor(stage, Day("2026-12-15"),
            d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || calendar.IsHoliday(d, "DE", null)));
        Assert.Equal(Day("2026-12-25"), DunningLadder.DeadlineFor(stage, Day("2026-12-15")));
    }

    [Fact]
    public void The_discount_flag_and_key_lookup_follow_the_stage()
    {
        Assert.False(ladder.DiscountAllowedAt(1));
        Assert.True(ladder.DiscountAllowedAt(3));
        Assert.True(ladder.DiscountAllowedAt(4));
        Assert.False(ladder.DiscountAllowedAt(9));
        Assert.Equal(4, ladder.Stage("notice.final")!.Number);
        Assert.Null(ladder.Stage(0));
    }

    [Fact]
    public void Invalid_ladders_fail_fast_naming_every_problem()
    {
        var bad = new DunningLadderOptions
        {
            MinGapDays = -1,
            FeeCurrency = "XYZ",
            Stages = [new() { Key = "a", OffsetDays = 10 }, new() { Key = "a", OffsetDays = 5, BusinessFee = -1m }, new() { Key = " ", OffsetDays = 20 }],
        };
        var ex = Assert.Throws<OptionsValidationException>(() => Ladder(bad));
        Assert.Equal(6, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("used twice", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Key is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_current_stage_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ladder.NextDueDate(Day("2025-01-01"), -1, null));
    }
}
