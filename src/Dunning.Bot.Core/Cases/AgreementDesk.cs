using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Core.Cases;

/// <summary>
/// The case side of a negotiation: what the limits need to know (deadline last stated, ladder stage, agreements so far)
/// and what an outcome changes (an agreement stored, the case's follow-up set, dunning paused, staff asked).
/// Agreements the bot makes are decided by <see cref="Bot"/>; only those count towards MaxAgreementsPerInvoice.
/// </summary>
public sealed class AgreementDesk(
    IAgreementStore agreements, IInvoiceStore invoices, ICaseStore cases, EscalationDesk desk, DunningLadder ladder, TimeProvider clock)
{
    /// <summary>Who decides agreements the bot makes on its own.</summary>
    public const string Bot = "bot";

    /// <summary>
    /// The negotiation context for <paramref name="statements"/> (one currency; the amount is their open claims): the earliest deadline the debtor was given for
    /// them (the due date, or the deadline of the last reminder sent), the highest ladder stage reached, and the most
    /// automatic agreements any of them already had.
    /// </summary>
    public async Task<NegotiationContext> ContextAsync(Debtor debtor, IReadOnlyList<InvoiceStatement> statements, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(statements);
        var open = statements.Select(s => s.Invoice).ToList();
        var dunningCase = await cases.FindAsync(debtor.Id, cancellationToken);
        var made = (await agreements.ListByDebtorAsync(debtor.Id, cancellationToken))
            .Where(a => a.DecidedBy == Bot && a.State is AgreementState.Agreed or AgreementState.Kept or AgreementState.Broken)
            .ToList();
        var deadline = open.Min(i => DeadlineOf(i, dunningCase, debtor.TimeZoneInfo));
        var stage = ladder.Stage(open.Max(i => dunningCase?.StageOf(i.Number) ?? 0));
        return new NegotiationContext
        {
            DebtorId = debtor.Id,
            Invoices = open,
            Amount = new Money(statements.Sum(s => s.Due.Amount), statements[0].Due.Currency),
            Today = today,
            CurrentDeadline = deadline,
            StageKey = stage?.Key,
            StageAllowsDiscount = stage?.DiscountOfferAllowed ?? false,
            AgreementsSoFar = open.Max(i => made.Count(a => a.InvoiceNumbers.Contains(i.Number, StringComparer.Ordinal))),
        };
    }

    /// <summary>
    /// Stores <paramref name="terms"/> as an agreement decided by the bot, pauses dunning on the invoices until the day
    /// after the last due date, records it in the case (a <see cref="CaseActionKinds.Promise"/> when
    /// <paramref name="promise"/>) and sets the case's next action to the day after the first due date, when the
    /// follow-up checks the payment (an earlier pending action is kept).
    /// </summary>
    public async Task<PaymentAgreement> AgreeAsync(Debtor debtor, NegotiationTerms terms, IReadOnlyList<string> invoiceNumbers, bool promise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(terms);
        var now = clock.GetUtcNow();
        var agreement = terms.ToAgreement(NewId(now), debtor.Id, invoiceNumbers, now);
        agreement.Agree(now, Bot);
        await agreements.SaveAsync(agreement, cancellationToken);
        await PutInForceAsync(debtor, agreement, promise, Bot, now, cancellationToken);
        return agreement;
    }

    /// <summary>
    /// A person's approval of a proposal (AwaitingApproval): the agreement becomes Agreed by <paramref name="by"/> and takes
    /// effect exactly as one the bot made (dunning paused, case recorded, follow-up set). Throws
    /// <see cref="DomainException"/> when the agreement is not awaiting a decision.
    /// </summary>
    public async Task<PaymentAgreement> ApproveAsync(Debtor debtor, PaymentAgreement agreement, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.State != AgreementState.AwaitingApproval)
            throw new DomainException($"Agreement {agreement.Id} is {agreement.State}, not awaiting approval.");
        var now = clock.GetUtcNow();
        agreement.Agree(now, by);
        await agreements.SaveAsync(agreement, cancellationToken);
        await PutInForceAsync(debtor, agreement, promise: false, by, now, cancellationToken);
        return agreement;
    }

    private async Task PutInForceAsync(Debtor debtor, PaymentAgreement agreement, bool promise, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invoiceNumbers = agreement.InvoiceNumbers;
        var until = StartOf(agreement.Schedule[^1].DueDate.AddDays(1), debtor.TimeZoneInfo);
        foreach (var number in invoiceNumbers)
            await invoices.UpdateAsync(number, i => i.PauseDunning($"agreement {agreement.Id}", until > now ? until : now.AddDays(1), now), cancellationToken);

        var check = StartOf(agreement.Schedule[0].DueDate.AddDays(1), debtor.TimeZoneInfo);
        var summary = $"{agreement.Kind} {agreement.Id}: " + string.Join(", ", agreement.Schedule.Select(i =>
            $"{i.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {agreement.Currency} by {i.DueDate:yyyy-MM-dd}"));
        await cases.UpdateAsync(debtor.Id, c =>
        {
            c.Record(new CaseAction(now, promise ? CaseActionKinds.Promise : CaseActionKinds.Agreement, summary, InvoiceNumbers: invoiceNumbers, Actor: actor));
            c.NextActionAt = c.NextActionAt is { } pending && pending < check ? pending : check;
        }, cancellationToken);
    }

    /// <summary>
    /// A proposal for staff: the requested terms (when there are any) stored as AwaitingApproval, and an escalation
    /// whose <see cref="Escalation.RespondBy"/> the debtor is told.
    /// </summary>
    public async Task<Escalation> ProposeAsync(Debtor debtor, NegotiationTerms? requested, IReadOnlyList<string> invoiceNumbers,
        EscalationReason reason, string detail, string? conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        var now = clock.GetUtcNow();
        if (requested is not null)
        {
            var proposal = requested.ToAgreement(NewId(now), debtor.Id, invoiceNumbers, now);
            proposal.RequestApproval();
            await agreements.SaveAsync(proposal, cancellationToken);
            detail = $"{detail} (proposal {proposal.Id})";
        }
        return await desk.RaiseAsync(debtor.Id, reason, detail, invoiceNumbers, conversationKey, cancellationToken);
    }

    /// <summary>The start of <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private DateOnly DeadlineOf(Invoice invoice, DunningCase? dunningCase, TimeZoneInfo zone)
    {
        var stage = ladder.Stage(dunningCase?.StageOf(invoice.Number) ?? 0);
        var sent = dunningCase?.History.LastOrDefault(a => a.Kind == CaseActionKinds.Reminder && a.InvoiceNumbers?.Contains(invoice.Number) == true);
        if (stage is null || sent is null)
            return invoice.DueDate;
        var sentOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sent.At, zone).DateTime);
        var deadline = DunningLadder.DeadlineFor(stage, sentOn);
        return deadline > invoice.DueDate ? deadline : invoice.DueDate;
    }

    private static string NewId(DateTimeOffset now) => $"A-{now:yyyyMMdd}-{Guid.NewGuid():N}"[..19];
}
