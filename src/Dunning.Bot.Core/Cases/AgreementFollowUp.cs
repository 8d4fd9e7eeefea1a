using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Cases;

/// <summary>
/// Checks promises and plans the day after their due dates (the schedule calls it for agreements in state Agreed).
/// <see cref="Evaluate"/> is pure; <see cref="ApplyAsync"/> stores the consequence: Kept → the agreement is kept;
/// a new break → <see cref="PaymentAgreement.Breaks"/> counts it, the agreement is marked Broken when nothing more is
/// to come or on its second break (dunning resumes), and the second break overall for the same invoices raises
/// <see cref="EscalationReason.BrokenPromise"/>. Applying the same result twice changes nothing.
/// </summary>
public sealed class AgreementFollowUp(IAgreementStore agreements, IInvoiceStore invoices, ICaseStore cases, IDebtorStore debtors,
    EscalationDesk desk, TimeProvider clock)
{
    /// <summary>The agreement's standing on <paramref name="today"/>, from the payments its invoices received since it was made.</summary>
    public static FollowUpResult Evaluate(PaymentAgreement agreement, IReadOnlyList<Invoice> invoices, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(invoices);
        var covered = invoices.Where(i => agreement.InvoiceNumbers.Contains(i.Number, StringComparer.Ordinal)).ToList();
        var since = DateOnly.FromDateTime(agreement.CreatedAt.UtcDateTime);
        var paid = covered.SelectMany(i => i.Payments).Where(p => p.Date >= since && p.Date <= today).Sum(p => p.Amount);
        var next = agreement.Schedule.FirstOrDefault(i => i.DueDate >= today)?.DueDate.AddDays(1);
        if ((covered.Count > 0 && covered.All(i => i.OpenBalance == 0m)) || paid >= agreement.Amount)
            return new FollowUpResult(FollowUpStatus.Kept, 0, 0m, null);

        var (missed, dueSoFar) = (0, 0m);
        foreach (var instalment in agreement.Schedule.Where(i => i.DueDate < today))
        {
            dueSoFar += instalment.Amount;
            if (dueSoFar > paid)
                missed++;
        }
        return missed > 0
            ? new FollowUpResult(FollowUpStatus.Broken, missed, dueSoFar - paid, next)
            : new FollowUpResult(FollowUpStatus.Pending, 0, 0m, next);
    }

    /// <summary>Evaluates the stored agreement on the debtor's today and applies the result.</summary>
    public async Task<FollowUpAction> CheckAsync(PaymentAgreement agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var zone = await ZoneOfAsync(agreement.DebtorId, cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var own = await invoices.ListByDebtorAsync(agreement.DebtorId, cancellationToken);
        return await ApplyAsync(agreement, Evaluate(agreement, own, today), cancellationToken);
    }

    /// <summary>Stores what <paramref name="result"/> means for <paramref name="agreement"/> (see the class remarks).</summary>
    public async Task<FollowUpAction> ApplyAsync(PaymentAgreement agreement, FollowUpResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(result);
        if (agreement.State != AgreementState.Agreed)
            return FollowUpAction.None;
        var now = clock.GetUtcNow();
        var zone = await ZoneOfAsync(agreement.DebtorId, cancellationToken);
        switch (result.Status)
        {
            case FollowUpStatus.Kept:
                agreement.MarkKept();
                await agreements.SaveAsync(agreement, cancellationToken);
                await ResumeAsync(agreement, cancellationToken);
                await cases.RecordAsync(agreement.DebtorId, now, CaseActionKinds.Agreement, $"Agreement {agreement.Id} kept", agreement.InvoiceNumbers, AgreementDesk.Bot, cancellationToken);
                return FollowUpAction.Kept;
            case FollowUpStatus.Pending:
                await ScheduleAsync(agreement.DebtorId, result.NextCheck, zone, cancellationToken);
                return FollowUpAction.None;
        }

        if (result.Missed <= agreement.Breaks)
            return FollowUpAction.None;
        agreement.Breaks = result.Missed;
        var over = result.NextCheck is null || agreement.Breaks >= 2;
        if (over)
            agreement.MarkBroken();
        await agreements.SaveAsync(agreement, cancellationToken);
        if (over)
            await ResumeAsync(agreement, cancellationToken);

        var earlier = (await agreements.ListByDebtorAsync(agreement.DebtorId, cancellationToken))
            .Where(a => a.Id != agreement.Id && a.InvoiceNumbers.Intersect(agreement.InvoiceNumbers, StringComparer.Ordinal).Any())
            .Sum(a => a.Breaks);
        var summary = $"Agreement {agreement.Id} broken: {result.Missed} payment(s) missed, "
            + $"{result.Shortfall.ToString("0.00", CultureInfo.InvariantCulture)} {agreement.Currency} short";
        await cases.UpdateAsync(agreement.DebtorId, c => c.Record(new CaseAction(now, CaseActionKinds.Promise, summary,
            InvoiceNumbers: agreement.InvoiceNumbers, Actor: AgreementDesk.Bot)), cancellationToken);
        if (!over)
            await ScheduleAsync(agreement.DebtorId, result.NextCheck, zone, cancellationToken);
        if (earlier + agreement.Breaks < 2)
            return FollowUpAction.Reminded;
        await desk.RaiseAsync(agreement.DebtorId, EscalationReason.BrokenPromise, summary, agreement.InvoiceNumbers, null, cancellationToken);
        return FollowUpAction.Escalated;
    }

    private async Task ResumeAsync(PaymentAgreement agreement, CancellationToken cancellationToken)
    {
        foreach (var number in agreement.InvoiceNumbers)
        {
            await invoices.UpdateAsync(number, i =>
            {
                if (i.Pause?.Reason == $"agreement {agreement.Id}")
                    i.ResumeDunning();
            }, cancellationToken);
        }
    }

    private Task ScheduleAsync(string debtorId, DateOnly? day, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        day is { } next
            ? cases.UpdateAsync(debtorId, c =>
            {
                var at = AgreementDesk.StartOf(next, zone);
                c.NextActionAt = c.NextActionAt is { } pending && pending < at && pending > clock.GetUtcNow() ? pending : at;
            }, cancellationToken)
            : Task.CompletedTask;

    private async Task<TimeZoneInfo> ZoneOfAsync(string debtorId, CancellationToken cancellationToken) =>
        (await debtors.FindAsync(debtorId, cancellationToken))?.TimeZoneInfo ?? TimeZoneInfo.Utc;
}
