using System.Globalization;
using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Cases;

/// <summary>
/// Checks promises and instalment plans the day after their due dates, in two halves so that the schedule can put the
/// message about an outcome in the outbox BEFORE the outcome is stored (nothing lost, nothing twice):
/// <see cref="Evaluate"/> and <see cref="Consider"/> are pure (where the agreement stands; what is new about it), and
/// <see cref="ApplyAsync"/> stores the consequence: Kept → the agreement is kept and its paused invoices resume; a new
/// break → <see cref="PaymentAgreement.Breaks"/> counts it, the agreement is marked Broken when nothing more is to come,
/// on its second break, or when it escalates (dunning resumes), and the second break overall for the same invoices raises
/// <see cref="EscalationReason.BrokenPromise"/> — once per agreement, and the escalation ends it, so an agreement gets at
/// most one follow-up about a break and one escalation, however many sweeps and instalments follow. The case is not written here: the schedule records
/// <see cref="FollowUpOutcome.Summary"/> in the case together with the message. Applying an outcome twice changes nothing.
/// </summary>
public sealed class AgreementFollowUp(IAgreementStore agreements, IInvoiceStore invoices, IEscalationStore escalations, EscalationDesk desk, ClaimBook book)
{
    /// <summary>The agreement's standing on <paramref name="today"/>, from the payments its invoices received since it was made.</summary>
    public static FollowUpResult Evaluate(PaymentAgreement agreement, IReadOnlyList<Invoice> invoices, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(invoices);
        var covered = invoices.Where(i => agreement.InvoiceNumbers.Contains(i.Number, StringComparer.Ordinal)).ToList();
        var paid = PaidSince(agreement, invoices, today);
        var next = agreement.Schedule.FirstOrDefault(i => i.DueDate >= today)?.DueDate.AddDays(1);
        if ((covered.Count > 0 && covered.All(i => i.SettledOn is not null || i.WrittenOffAt is not null)) || paid >= agreement.Amount)
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

    /// <summary>
    /// What is new about <paramref name="agreement"/> given <paramref name="result"/>: null when nothing is (pending, a
    /// break already counted, or the agreement no longer running). <paramref name="earlierBreaks"/> are the breaks of the
    /// debtor's other agreements for any of the same invoices; with this agreement's they decide the escalation.
    /// </summary>
    public static FollowUpOutcome? Consider(PaymentAgreement agreement, FollowUpResult result, int earlierBreaks)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(result);
        if (agreement.State != AgreementState.Active || result.Status == FollowUpStatus.Pending)
            return null;
        if (result.Status == FollowUpStatus.Kept)
            return new FollowUpOutcome(FollowUpAction.Kept, agreement.Breaks, Ends: true, $"Agreement {agreement.Id} kept");
        if (result.Missed <= agreement.Breaks)
            return null;
        var summary = $"Agreement {agreement.Id} broken: {result.Missed} payment(s) missed, "
            + $"{result.Shortfall.ToString("0.00", CultureInfo.InvariantCulture)} {agreement.Currency} short";
        var action = earlierBreaks + result.Missed >= 2 ? FollowUpAction.Escalated : FollowUpAction.Reminded;
        // Once a person is asked, the agreement is over for the bot: no further follow-ups, dunning resumes.
        return new FollowUpOutcome(action, result.Missed, Ends: result.NextCheck is null || action == FollowUpAction.Escalated, summary);
    }

    /// <summary>
    /// <see cref="Evaluate"/> then <see cref="Consider"/>; reads the debtor's other agreements only when there is a new
    /// break (to count earlier ones), so checking a running agreement costs no query.
    /// </summary>
    public async Task<(FollowUpResult Result, FollowUpOutcome? Outcome)> ConsiderAsync(PaymentAgreement agreement, IReadOnlyList<Invoice> invoices,
        DateOnly today, CancellationToken cancellationToken)
    {
        var result = Evaluate(agreement, invoices, today);
        var outcome = Consider(agreement, result, 0);
        if (outcome is null || outcome.Action == FollowUpAction.Kept || outcome.Action == FollowUpAction.Escalated)
            return (result, outcome);
        var earlier = (await agreements.ListByDebtorAsync(agreement.DebtorId, cancellationToken))
            .Where(a => a.Id != agreement.Id && a.InvoiceNumbers.Intersect(agreement.InvoiceNumbers, StringComparer.Ordinal).Any())
            .Sum(a => a.Breaks);
        return (result, Consider(agreement, result, earlier));
    }

    /// <summary>Stores <paramref name="outcome"/> for <paramref name="agreement"/> (see the class remarks); does nothing when already applied.</summary>
    public async Task ApplyAsync(PaymentAgreement agreement, FollowUpOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(outcome);
        if (agreement.State != AgreementState.Active || (outcome.Action != FollowUpAction.Kept && outcome.Breaks <= agreement.Breaks))
            return;
        // Everything before the agreement is saved may run again harmlessly; the save is what marks the outcome applied,
        // so a crash in between repeats the steps rather than losing the resume or the escalation.
        if (outcome.Ends)
            await ResumeAsync(agreement, cancellationToken);
        await EscalateAsync(agreement, outcome, cancellationToken);
        if (outcome.Action == FollowUpAction.Kept)
        {
            await WaiveRestAsync(agreement, cancellationToken);
            agreement.MarkKept();
        }
        else
        {
            agreement.Breaks = outcome.Breaks;
            if (outcome.Ends)
                agreement.MarkBroken();
        }
        await agreements.SaveAsync(agreement, cancellationToken);
    }

    /// <summary>
    /// Raises the <see cref="EscalationReason.BrokenPromise"/> escalation of an <see cref="FollowUpAction.Escalated"/>
    /// outcome unless one was already raised for this agreement (open or resolved), so the owner hears of it once.
    /// </summary>
    public async Task EscalateAsync(PaymentAgreement agreement, FollowUpOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Action != FollowUpAction.Escalated)
            return;
        var raised = (await escalations.ListByDebtorAsync(agreement.DebtorId, cancellationToken))
            .Any(e => e.Reason == EscalationReason.BrokenPromise && e.Detail?.Contains(agreement.Id, StringComparison.Ordinal) == true);
        if (!raised)
            await desk.RaiseAsync(agreement.DebtorId, EscalationReason.BrokenPromise, outcome.Summary, agreement.InvoiceNumbers, null, cancellationToken);
    }

    /// <summary>
    /// The next payment <paramref name="agreement"/> expects on <paramref name="today"/>: the first instalment not yet
    /// covered by the payments its invoices received since it was made, with the part of it still owed; null when all is paid.
    /// </summary>
    public static Instalment? NextPayment(PaymentAgreement agreement, IReadOnlyList<Invoice> invoices, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(invoices);
        var paid = PaidSince(agreement, invoices, today);
        var dueSoFar = 0m;
        foreach (var instalment in agreement.Schedule)
        {
            dueSoFar += instalment.Amount;
            if (dueSoFar > paid)
                return new Instalment(instalment.DueDate, Math.Min(instalment.Amount, dueSoFar - paid));
        }
        return null;
    }

    private static decimal PaidSince(PaymentAgreement agreement, IReadOnlyList<Invoice> invoices, DateOnly today)
    {
        var since = DateOnly.FromDateTime(agreement.CreatedAt.UtcDateTime);
        return invoices.Where(i => agreement.InvoiceNumbers.Contains(i.Number, StringComparer.Ordinal))
            .SelectMany(i => i.Payments).Where(p => p.Date >= since && p.Date <= today).Sum(p => p.Amount);
    }

    /// <summary>
    /// A kept discount settles the claim: the rest is the discount granted. A kept agreement without running interest
    /// settles it too: the rest is the interest since the agreement, which the debtor was told stops. Each is written off
    /// with its reason; an invoice already closed is left alone, so applying twice changes nothing.
    /// </summary>
    private async Task WaiveRestAsync(PaymentAgreement agreement, CancellationToken cancellationToken)
    {
        if (agreement.Kind != AgreementKind.Discount && agreement.InterestRuns)
            return;
        var reason = agreement.Kind == AgreementKind.Discount
            ? $"Nachlass laut Vereinbarung {agreement.Id}"
            : $"Zinsen während der Vereinbarung {agreement.Id} erlassen";
        foreach (var number in agreement.InvoiceNumbers)
        {
            if (await invoices.FindAsync(number, cancellationToken) is { SettledOn: null, WrittenOffAt: null })
                await book.WriteOffAsync(number, null, reason, AgreementDesk.Bot, cancellationToken);
        }
    }

    private async Task ResumeAsync(PaymentAgreement agreement, CancellationToken cancellationToken)
    {
        foreach (var number in agreement.InvoiceNumbers)
        {
            await invoices.UpdateAsync(number, i =>
            {
                if (i.Pause?.Reason == AgreementDesk.PauseReason(agreement))
                    i.ResumeDunning();
            }, cancellationToken);
        }
    }
}
