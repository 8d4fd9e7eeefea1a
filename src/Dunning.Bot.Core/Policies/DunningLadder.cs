using Dunning.Bot.Core.Domain;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// Decides which ladder stage is due for an invoice, the deadline a stage's message states, the fees accrued and when
/// the next stage becomes due. Pure: the caller passes the dates; nothing here reads a clock or checks invoice status
/// (<see cref="ContactRules"/> does that right before sending).
/// <para>
/// Catch-up rule: stages are never skipped and never sent in a burst. Only the stage after the current one can be due;
/// it is due on the latest of (a) due date + its offset, (b) the previous stage's send day + <see cref="DunningLadderOptions.MinGapDays"/>,
/// (c) with <see cref="DunningLadderOptions.WaitForPreviousDeadline"/>, the day after the previous message's deadline.
/// After three weeks of downtime an invoice therefore gets the one next stage now, and the following one a gap later.
/// </para>
/// </summary>
public sealed class DunningLadder
{
    private readonly DunningLadderOptions options;
    private readonly HolidayCalendar holidays;

    /// <summary>The ladder; <paramref name="holidays"/> gives the working days deadlines end on (a fresh calendar when omitted).</summary>
    public DunningLadder(IOptions<DunningLadderOptions> options, HolidayCalendar? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.holidays = holidays ?? new HolidayCalendar();
        this.options = OptionsCheck.Valid(options.Value, o => o.Validate());
        var configured = this.options.Stages.Count > 0 ? this.options.Stages : DunningLadderOptions.DefaultStages();
        Stages = [.. configured.Select((s, i) => new DunningStage(i + 1, s.Key.Trim(), s.OffsetDays, s.NewDeadlineDays,
            s.ConsumerFee, s.BusinessFee, s.FeeOncePerInvoice, s.DiscountOfferAllowed, s.EscalateToOwner, s.NotifyDebtor) { StartsDefault = s.StartsDefault })];
        FeeCurrency = Currency.Normalize(this.options.FeeCurrency);
    }

    /// <summary>All stages in order; <c>Stages[n - 1]</c> is stage number n.</summary>
    public IReadOnlyList<DunningStage> Stages { get; }

    public string FeeCurrency { get; }

    /// <summary>The stage with this 1-based number, or null (0 = before the first stage, or beyond the last).</summary>
    public DunningStage? Stage(int number) => number >= 1 && number <= Stages.Count ? Stages[number - 1] : null;

    /// <summary>The stage with this wording key, or null.</summary>
    public DunningStage? Stage(string key) => Stages.FirstOrDefault(s => s.Key == key);

    /// <summary>
    /// The day the stage after <paramref name="currentStage"/> becomes due (see the class remarks), or null when the
    /// ladder is finished. <paramref name="lastSentOn"/> is the day the current stage was sent (null when none was).
    /// Use it for <see cref="DunningCase.NextActionAt"/> (the earliest allowed instant that day comes from <see cref="ContactRules"/>).
    /// </summary>
    public DateOnly? NextDueDate(DateOnly invoiceDueDate, int currentStage, DateOnly? lastSentOn, Func<DateOnly, bool>? isNonWorkingDay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(currentStage);
        var next = Stage(currentStage + 1);
        if (next is null)
            return null;
        var due = invoiceDueDate.AddDays(next.OffsetDays);
        if (lastSentOn is { } sent && currentStage > 0)
        {
            due = Max(due, sent.AddDays(options.MinGapDays));
            if (options.WaitForPreviousDeadline && Stage(currentStage) is { } previous)
                due = Max(due, DeadlineFor(previous, sent, isNonWorkingDay).AddDays(1));
        }
        return due;
    }

    /// <summary>
    /// The stage to send for <paramref name="invoice"/> on <paramref name="today"/>, or null when nothing is due yet or
    /// the ladder is finished. Only ever the single next stage: overdue later stages wait (see the class remarks).
    /// With <paramref name="isNonWorkingDay"/> (see <see cref="NonWorkingDays"/>) every deadline ends on a working day.
    /// </summary>
    public StageDue? Due(Invoice invoice, DebtorKind kind, int currentStage, DateOnly? lastSentOn, DateOnly today, Func<DateOnly, bool>? isNonWorkingDay = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (NextDueDate(invoice.DueDate, currentStage, lastSentOn, isNonWorkingDay) is not { } dueOn || dueOn > today)
            return null;
        var stage = Stages[currentStage];
        var fee = FeesAccrued(kind, stage.Number, invoice.Currency) - FeesAccrued(kind, currentStage, invoice.Currency);
        return new StageDue(stage, dueOn, DeadlineFor(stage, today, isNonWorkingDay), fee);
    }

    /// <summary>
    /// The days a deadline stated to <paramref name="debtor"/> cannot end on: Saturdays, Sundays and the public holidays of
    /// the debtor's country and state (§193 BGB). Pass it to <see cref="DeadlineFor"/>, <see cref="Due"/> and
    /// <see cref="NextDueDate"/> so that a message, a statement and the schedule name the same day.
    /// </summary>
    public Func<DateOnly, bool> NonWorkingDays(Debtor debtor)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        var (country, state) = (debtor.Country, debtor.State);
        return day => holidays.IsNonWorkingDay(day, country, state);
    }

    /// <summary>
    /// The payment deadline stated in <paramref name="stage"/>'s message sent on <paramref name="sentOn"/>. With a
    /// <paramref name="isNonWorkingDay"/> predicate the deadline moves to the next working day (§193 BGB).
    /// </summary>
    public static DateOnly DeadlineFor(DunningStage stage, DateOnly sentOn, Func<DateOnly, bool>? isNonWorkingDay = null)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var deadline = sentOn.AddDays(stage.NewDeadlineDays);
        for (var guard = 0; isNonWorkingDay is not null && isNonWorkingDay(deadline) && guard < 31; guard++)
            deadline = deadline.AddDays(1);
        return deadline;
    }

    /// <summary>
    /// Fees owed for an invoice in <paramref name="currency"/> that reached <paramref name="stageReached"/>: the sum of
    /// the stages' fees for the debtor kind, where once-per-invoice fees count only at the first stage that carries one.
    /// Zero for invoices not in <see cref="FeeCurrency"/> (no conversion in Core).
    /// </summary>
    public Money FeesAccrued(DebtorKind kind, int stageReached, string currency)
    {
        var normalized = Currency.Normalize(currency);
        if (normalized != FeeCurrency)
            return Money.Zero(normalized);
        var total = 0m;
        var onceCharged = false;
        foreach (var stage in Stages.Take(Math.Clamp(stageReached, 0, Stages.Count)))
        {
            var fee = kind == DebtorKind.Business ? stage.BusinessFee : stage.ConsumerFee;
            if (fee == 0m)
                continue;
            if (stage.FeeOncePerInvoice)
            {
                if (onceCharged)
                    continue;
                onceCharged = true;
            }
            total += fee;
        }
        return new Money(total, normalized);
    }

    /// <summary>True when the early-payment discount may be offered at this stage number.</summary>
    public bool DiscountAllowedAt(int stageNumber) => Stage(stageNumber)?.DiscountOfferAllowed == true;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
