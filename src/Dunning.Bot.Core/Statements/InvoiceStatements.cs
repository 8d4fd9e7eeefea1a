using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Statements;

/// <summary>
/// Builds <see cref="DebtorStatement"/>s from the stores and the owner's policies: the claim from <see cref="ClaimLedger"/>,
/// deadlines and the next stage from <see cref="DunningLadder"/> and the case's stage and reminder history. "Today" is the
/// debtor's local date. Reads only; changes nothing. Every figure anyone is shown comes from here.
/// </summary>
public sealed class InvoiceStatements(IInvoiceStore invoices, ICaseStore cases, ClaimLedger ledger, TimeProvider time)
{
    private readonly DunningLadder ladder = ledger.Ladder;
    private readonly StatutoryInterest interest = ledger.Interest;

    /// <summary>Every invoice of <paramref name="debtor"/> as of now.</summary>
    public async Task<DebtorStatement> ForDebtorAsync(Debtor debtor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        var now = time.GetUtcNow();
        var today = TodayOf(debtor, now);
        var own = await invoices.ListByDebtorAsync(debtor.Id, cancellationToken);
        var dunningCase = await cases.FindAsync(debtor.Id, cancellationToken);
        return new DebtorStatement(today, [.. own.Where(i => i.DebtorId == debtor.Id).Select(i => Describe(i, debtor, dunningCase, now, today))]);
    }

    /// <summary>One invoice of <paramref name="debtor"/> as of now (the debtor's local date).</summary>
    public async Task<InvoiceStatement> ForInvoiceAsync(Invoice invoice, Debtor debtor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(debtor);
        var now = time.GetUtcNow();
        var dunningCase = await cases.FindAsync(debtor.Id, cancellationToken);
        return Describe(invoice, debtor, dunningCase, now, TodayOf(debtor, now));
    }

    /// <summary>The debtor's local date at <paramref name="now"/>.</summary>
    public static DateOnly TodayOf(Debtor debtor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, debtor.TimeZoneInfo).DateTime);
    }

    /// <summary>
    /// One invoice as of <paramref name="today"/> (the debtor's local date of <paramref name="now"/>). With
    /// <paramref name="stageReached"/> beyond the case's stage, as a reminder taking it there today would state it.
    /// </summary>
    public InvoiceStatement Describe(Invoice invoice, Debtor debtor, DunningCase? dunningCase, DateTimeOffset now, DateOnly today, int? stageReached = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(debtor);
        var status = invoice.StatusAt(now);
        var open = status is not (InvoiceStatus.Paid or InvoiceStatus.WrittenOff);
        var stage = Math.Max(dunningCase?.StageOf(invoice.Number) ?? 0, stageReached ?? 0);
        var lastSent = stage > (dunningCase?.StageOf(invoice.Number) ?? 0) ? today : ClaimLedger.ReminderDays(dunningCase, invoice.Number, debtor.TimeZoneInfo) is [.., var last] ? last : (DateOnly?)null;
        var zero = Money.Zero(invoice.Currency);
        var claim = ledger.Compute(invoice, debtor, dunningCase, today, stage);
        var next = ladder.Stage(stage + 1);
        var nextOn = next is null ? null : ladder.NextDueDate(invoice.DueDate, stage, lastSent);
        return new InvoiceStatement
        {
            Invoice = invoice,
            Today = today,
            Status = status,
            Claim = claim,
            Due = open ? claim.Open : zero,
            Stage = stage,
            LastReminderOn = lastSent,
            Deadline = Deadline(invoice, debtor, stage, lastSent),
            NextStage = next,
            NextIsLastNotice = next is { NotifyDebtor: true } && !ladder.Stages.Skip(next.Number).Any(s => s.NotifyDebtor),
            NextStageOn = nextOn is { } on && on < today ? today : nextOn,
            NextStageFee = next is null ? zero : ladder.FeesAccrued(debtor.Kind, next.Number, invoice.Currency) - ladder.FeesAccrued(debtor.Kind, stage, invoice.Currency),
            InterestRatePercent = open && interest.Enabled && claim.DefaultSince is not null && claim.OpenPrincipal.IsPositive ? interest.RateOn(today, debtor.Kind) : null,
        };
    }

    /// <summary>The deadline of the last stage the debtor was actually sent; the due date when none was.</summary>
    private DateOnly Deadline(Invoice invoice, Debtor debtor, int stage, DateOnly? lastSent)
    {
        var notified = ladder.Stages.Take(stage).LastOrDefault(s => s.NotifyDebtor);
        if (notified is null || lastSent is not { } sentOn)
            return invoice.DueDate;
        var deadline = DunningLadder.DeadlineFor(notified, sentOn, ladder.NonWorkingDays(debtor));
        return deadline > invoice.DueDate ? deadline : invoice.DueDate;
    }
}
