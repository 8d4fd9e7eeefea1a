using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Statements;

/// <summary>
/// Builds <see cref="DebtorStatement"/>s from the stores and the owner's policies: interest from
/// <see cref="StatutoryInterest"/>, fees and deadlines from <see cref="DunningLadder"/> and the case's stage and
/// reminder history. "Today" is the debtor's local date. Reads only; changes nothing.
/// </summary>
public sealed class InvoiceStatements(IInvoiceStore invoices, ICaseStore cases, DunningLadder ladder, StatutoryInterest interest, TimeProvider time)
{
    /// <summary>Every invoice of <paramref name="debtor"/> as of now.</summary>
    public async Task<DebtorStatement> ForDebtorAsync(Debtor debtor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, debtor.TimeZoneInfo).DateTime);
        var own = await invoices.ListByDebtorAsync(debtor.Id, cancellationToken);
        var dunningCase = await cases.FindAsync(debtor.Id, cancellationToken);
        return new DebtorStatement(today, [.. own.Where(i => i.DebtorId == debtor.Id).Select(i => Describe(i, debtor, dunningCase, now, today))]);
    }

    /// <summary>One invoice as of <paramref name="today"/> (the debtor's local date of <paramref name="now"/>).</summary>
    public InvoiceStatement Describe(Invoice invoice, Debtor debtor, DunningCase? dunningCase, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(debtor);
        var status = invoice.StatusAt(now);
        var open = status is not (InvoiceStatus.Paid or InvoiceStatus.WrittenOff);
        var stage = dunningCase?.StageOf(invoice.Number) ?? 0;
        var lastSent = LastReminderOn(invoice.Number, dunningCase, debtor.TimeZoneInfo);
        var zero = Money.Zero(invoice.Currency);
        var interestDue = open ? interest.Calculate(invoice, debtor.Kind, today).Total : zero;
        var fees = open ? ladder.FeesAccrued(debtor.Kind, stage, invoice.Currency) : zero;
        var next = ladder.Stage(stage + 1);
        var nextOn = next is null ? null : ladder.NextDueDate(invoice.DueDate, stage, lastSent);
        return new InvoiceStatement
        {
            Invoice = invoice,
            Today = today,
            Status = status,
            Principal = invoice.TotalMoney,
            Paid = new Money(invoice.Paid, invoice.Currency),
            Interest = interestDue,
            Fees = fees,
            Due = open ? invoice.OpenMoney + interestDue + fees : zero,
            Stage = stage,
            LastReminderOn = lastSent,
            Deadline = Deadline(invoice, debtor, stage, lastSent),
            NextStage = next,
            NextIsLastNotice = next is { NotifyDebtor: true } && !ladder.Stages.Skip(next.Number).Any(s => s.NotifyDebtor),
            NextStageOn = nextOn is { } on && on < today ? today : nextOn,
            NextStageFee = next is null ? zero : ladder.FeesAccrued(debtor.Kind, next.Number, invoice.Currency) - ladder.FeesAccrued(debtor.Kind, stage, invoice.Currency),
            InterestRatePercent = open && interest.Enabled && interestDue.IsPositive ? interest.RateOn(today, debtor.Kind) : null,
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

    private static DateOnly? LastReminderOn(string number, DunningCase? dunningCase, TimeZoneInfo zone)
    {
        var last = dunningCase?.History
            .Where(a => a.Kind == CaseActionKinds.Reminder && a.InvoiceNumbers?.Contains(number, StringComparer.Ordinal) == true)
            .Select(a => (DateTimeOffset?)a.At)
            .Max();
        return last is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null;
    }
}
