using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Cases;

/// <summary>
/// The case side of a negotiation: what the limits need to know (the open claim from the debtor's statement, the deadline
/// last stated, the ladder stage, agreements so far) and what an outcome changes (an agreement put in force, the case's
/// follow-up set, dunning paused, staff asked). One agreement per invoice is in force: putting one in force supersedes
/// the active ones for any of its invoices and cancels requests for them still waiting for staff. Agreements the bot
/// makes are decided by <see cref="Bot"/>; those running or ended (kept, broken) count towards MaxAgreementsPerInvoice,
/// a superseded one does not — it was replaced, not added.
/// </summary>
public sealed class AgreementDesk(
    IAgreementStore agreements, IInvoiceStore invoices, ICaseStore cases, EscalationDesk desk, DunningLadder ladder, InvoiceStatements statements,
    IOptions<AgreementOptions> options, TimeProvider clock)
{
    /// <summary>Who decides agreements the bot makes on its own.</summary>
    public const string Bot = "bot";

    /// <summary>Whether default interest keeps running during an agreement (the owner's option; the debtor is told).</summary>
    public bool InterestRuns => options.Value.InterestRunsDuringAgreement;

    /// <summary>The debtor's statement now: every amount a negotiation shows or agrees comes from it.</summary>
    public Task<DebtorStatement> StatementAsync(Debtor debtor, CancellationToken cancellationToken) => statements.ForDebtorAsync(debtor, cancellationToken);

    /// <summary>
    /// The negotiation context for <paramref name="open"/> (one currency): the whole open claim (<see cref="InvoiceStatement.Due"/>),
    /// the earliest deadline the debtor was given for them, the highest ladder stage reached, and the most automatic
    /// agreements any of them already had.
    /// </summary>
    public async Task<NegotiationContext> ContextAsync(Debtor debtor, IReadOnlyList<InvoiceStatement> open, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(open);
        var made = (await agreements.ListByDebtorAsync(debtor.Id, cancellationToken))
            .Where(a => a.DecidedBy == Bot && a.State is AgreementState.Active or AgreementState.Kept or AgreementState.Broken)
            .ToList();
        var current = ladder.Stage(open.Max(i => i.Stage));
        return new NegotiationContext
        {
            DebtorId = debtor.Id,
            Invoices = [.. open.Select(i => i.Invoice)],
            Amount = DebtorStatement.TotalsByCurrency(open).Single(),
            Today = today,
            CurrentDeadline = open.Min(i => i.Deadline),
            StageKey = current?.Key,
            StageAllowsDiscount = current?.DiscountOfferAllowed ?? false,
            AgreementsSoFar = open.Max(i => made.Count(a => a.InvoiceNumbers.Contains(i.Number, StringComparer.Ordinal))),
        };
    }

    /// <summary>The debtor's agreements in force, oldest first.</summary>
    public async Task<IReadOnlyList<PaymentAgreement>> ActiveAsync(string debtorId, CancellationToken cancellationToken) =>
        [.. (await agreements.ListByDebtorAsync(debtorId, cancellationToken)).Where(a => a.State == AgreementState.Active).OrderBy(a => a.CreatedAt)];

    /// <summary>
    /// Puts <paramref name="terms"/>, confirmed by the debtor, in force as an agreement decided by the bot: it supersedes
    /// the active agreement for the same invoices, pauses dunning on them until the day after the last due date, is
    /// recorded in the case (a <see cref="CaseActionKinds.Promise"/> when <paramref name="promise"/>) and sets the case's
    /// next action to the day after the first due date, when the follow-up checks the payment (an earlier one is kept).
    /// </summary>
    public async Task<PaymentAgreement> AgreeAsync(Debtor debtor, NegotiationTerms terms, IReadOnlyList<string> invoiceNumbers, bool promise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(terms);
        var now = clock.GetUtcNow();
        var agreement = terms.ToAgreement(NewId(now), debtor.Id, invoiceNumbers, now, InterestRuns);
        agreement.Agree(now, Bot);
        await agreements.SaveAsync(agreement, cancellationToken);
        await PutInForceAsync(debtor, agreement, promise, Bot, now, cancellationToken);
        return agreement;
    }

    /// <summary>
    /// A person's approval of a request (AwaitingApproval): the agreement becomes Active, decided by <paramref name="by"/>,
    /// and takes effect exactly as one the bot made (supersedes, dunning paused, case recorded, follow-up set). Throws
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

    /// <summary>
    /// A request for staff: the requested terms (when there are any) stored as AwaitingApproval, and an escalation whose
    /// detail carries the request itself — kind, amounts, dates — and the proposal's id, so staff can decide it from the
    /// inbox; the debtor is told <see cref="Escalation.RespondBy"/>.
    /// </summary>
    public async Task<Escalation> ProposeAsync(Debtor debtor, NegotiationTerms? requested, IReadOnlyList<string> invoiceNumbers,
        EscalationReason reason, string detail, string? conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        var now = clock.GetUtcNow();
        if (requested is not null)
        {
            var proposal = requested.ToAgreement(NewId(now), debtor.Id, invoiceNumbers, now, InterestRuns);
            proposal.RequestApproval();
            await agreements.SaveAsync(proposal, cancellationToken);
            detail = $"{detail}; requested {proposal.Describe()} (proposal {proposal.Id})";
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

    private async Task PutInForceAsync(Debtor debtor, PaymentAgreement agreement, bool promise, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var replaced = await ReplaceOthersAsync(agreement, cancellationToken);
        var until = StartOf(agreement.Schedule[^1].DueDate.AddDays(1), debtor.TimeZoneInfo);
        foreach (var number in agreement.InvoiceNumbers)
            await invoices.UpdateAsync(number, i => i.PauseDunning(PauseReason(agreement), until > now ? until : now.AddDays(1), now), cancellationToken);

        var check = StartOf(agreement.Schedule[0].DueDate.AddDays(1), debtor.TimeZoneInfo);
        var summary = $"{agreement.Describe()} — agreement {agreement.Id}"
            + (replaced.Count == 0 ? "" : $", replaces {string.Join(", ", replaced.Select(a => a.Id))}");
        await cases.UpdateAsync(debtor.Id, c =>
        {
            c.Record(new CaseAction(now, promise ? CaseActionKinds.Promise : CaseActionKinds.Agreement, summary, InvoiceNumbers: agreement.InvoiceNumbers, Actor: actor));
            c.NextActionAt = c.NextActionAt is { } pending && pending < check ? pending : check;
        }, cancellationToken);
    }

    /// <summary>
    /// Supersedes the debtor's other active agreements for any of <paramref name="agreement"/>'s invoices and cancels
    /// their open requests; invoices only the old agreement covered are no longer paused by it. Returns the superseded ones.
    /// </summary>
    private async Task<List<PaymentAgreement>> ReplaceOthersAsync(PaymentAgreement agreement, CancellationToken cancellationToken)
    {
        var superseded = new List<PaymentAgreement>();
        foreach (var other in await agreements.ListByDebtorAsync(agreement.DebtorId, cancellationToken))
        {
            if (other.Id == agreement.Id || !other.Overlaps(agreement))
                continue;
            if (other.State == AgreementState.Active)
            {
                other.Supersede(agreement.Id);
                superseded.Add(other);
            }
            else if (other.State is AgreementState.AwaitingApproval or AgreementState.Proposed)
            {
                other.Cancel(agreement.Id);
            }
            else
            {
                continue;
            }
            await agreements.SaveAsync(other, cancellationToken);
        }
        foreach (var number in superseded.SelectMany(a => a.InvoiceNumbers).Except(agreement.InvoiceNumbers, StringComparer.Ordinal).Distinct(StringComparer.Ordinal))
        {
            await invoices.UpdateAsync(number, i =>
            {
                if (superseded.Any(a => i.Pause?.Reason == PauseReason(a)))
                    i.ResumeDunning();
            }, cancellationToken);
        }
        return superseded;
    }

    /// <summary>The reason of the dunning pause an agreement puts on its invoices (the follow-up resumes only its own).</summary>
    public static string PauseReason(PaymentAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return $"agreement {agreement.Id}";
    }

    private static string NewId(DateTimeOffset now) => $"A-{now:yyyyMMdd}-{Guid.NewGuid():N}"[..19];
}
