using Dunning.Bot.Core.Claims;
using System.Text.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.CaseFiles;

/// <summary>
/// Assembles a <see cref="CaseFile"/> from the stores. Amounts come from <see cref="InvoiceStatements"/> (the same
/// interest and fees the bot tells the debtor). Reads only.
/// </summary>
public sealed class CaseFileBuilder(
    IDebtorStore debtors,
    ICaseStore cases,
    IAgreementStore agreements,
    IEscalationStore escalations,
    ITranscriptStore transcripts,
    InvoiceStatements statements,
    DunningLadder ladder,
    IOptions<PayeeOptions> payee,
    IOptions<StaffOptions> options,
    TimeProvider clock,
    Uploads.IProofStore proofs)
{
    private static readonly string[] ObjectionKinds =
        [CaseActionKinds.Dispute, CaseActionKinds.Objection, CaseActionKinds.Hardship, CaseActionKinds.ClaimedPaid];

    /// <summary>The case file of <paramref name="debtorId"/>, or null when there is no such debtor.</summary>
    public async Task<CaseFile?> BuildAsync(string debtorId, string generatedBy, CancellationToken cancellationToken)
    {
        var debtor = await debtors.FindAsync(debtorId, cancellationToken);
        if (debtor is null)
            return null;
        var statement = await statements.ForDebtorAsync(debtor, cancellationToken);
        var dunningCase = await cases.FindAsync(debtorId, cancellationToken);
        var history = (dunningCase?.History ?? []).OrderBy(a => a.At).Select(Event).ToList();
        var owner = payee.Value;
        return new CaseFile
        {
            GeneratedAt = clock.GetUtcNow(),
            GeneratedBy = generatedBy,
            Creditor = new CaseFileCreditor(Blank(owner.AccountHolder), Blank(owner.Iban), Blank(owner.Bic), Blank(owner.BankName)),
            Debtor = new CaseFileDebtor(debtor.Id, debtor.Name, debtor.Kind.ToString(), debtor.Email, debtor.Country, debtor.State, debtor.Language,
                [.. debtor.Contacts.Select(c => new CaseFileContact(c.Channel, c.Address, c.OptedOutAt, c.DeadSince))])
            {
                PostalAddress = [.. (string.IsNullOrWhiteSpace(debtor.ContactPerson) ? [] : new[] { $"{debtor.Salutation} {debtor.ContactPerson}".Trim() }), .. debtor.PostalLines()],
            },
            Invoices = [.. statement.Invoices.Select(Invoice)],
            TotalDue = [.. DebtorStatement.TotalsByCurrency(statement.Open).Select(m => new CaseFileAmount(m.Amount, m.Currency))],
            Reminders = [.. history.Where(e => e.Kind == CaseActionKinds.Reminder)],
            Promises = [.. history.Where(e => e.Kind == CaseActionKinds.Promise)],
            Objections = [.. history.Where(e => ObjectionKinds.Contains(e.Kind))],
            Agreements = [.. (await agreements.ListByDebtorAsync(debtorId, cancellationToken)).OrderBy(a => a.CreatedAt).Select(Agreement)],
            Escalations = [.. (await escalations.ListByDebtorAsync(debtorId, cancellationToken)).OrderBy(e => e.RaisedAt).Select(Escalation)],
            History = history,
            Transcript = await TranscriptAsync(debtorId, cancellationToken),
            Proofs = [.. (await proofs.ListAsync(debtorId, cancellationToken)).Select(p =>
                new CaseFileProof(p.Id, p.ReceivedAt, p.Name, p.ContentType, p.Size, p.Sha256, p.Channel, p.InvoiceNumbers))],
        };
    }

    private CaseFileInvoice Invoice(InvoiceStatement s) => new(
        s.Number, s.Invoice.IssueDate, s.Invoice.DueDate, s.Invoice.Currency, s.Status.ToString(), s.Stage,
        s.Principal.Amount, s.Paid.Amount, s.Interest.Rounded().Amount, s.Fees.Amount, s.WrittenOff.Amount, s.Due.Rounded().Amount, s.InterestRatePercent, s.Deadline,
        s.Claim.DefaultSince, s.Claim.DefaultReason == DefaultReason.None ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Claim.DefaultReason.ToString()),
        s.Claim.DefaultReasonDate,
        [.. s.Claim.Entries.Where(e => e.Kind == ClaimEntryKind.Payment).Select(e => new CaseFilePayment(e.Date, e.Amount.Amount, e.Note,
            e.ToFees.Amount, e.ToInterest.Amount, e.ToPrincipal.Amount, e.ToCredit.Amount))],
        [.. s.Invoice.WriteOffs.Select(w => new CaseFileWriteOff(w.Date, w.Amount, w.Reason, w.By))],
        s.Invoice.Dispute,
        s.Invoice.Pause is { } p ? $"{p.Reason} (since {p.Since:yyyy-MM-dd}{(p.Until is { } u ? $", until {u:yyyy-MM-dd}" : "")})" : null,
        s.Invoice.DocumentLink)
    {
        DefaultReasonName = s.Claim.DefaultReason == DefaultReason.None ? null : s.Claim.DefaultReason.ToString(),
        StageKey = ladder.Stage(s.Stage)?.Key,
        PauseReason = s.Invoice.Pause?.Reason,
        PauseSince = s.Invoice.Pause?.Since,
        PauseUntil = s.Invoice.Pause?.Until,
    };

    private static CaseFileEvent Event(CaseAction a) => new(a.At, a.Kind, a.Summary, a.Channel, a.Actor, a.InvoiceNumbers ?? []);

    private static CaseFileAgreement Agreement(PaymentAgreement a) => new(
        a.Id, a.Kind.ToString(), a.State.ToString(), a.InvoiceNumbers, a.Currency, a.Amount,
        [.. a.Schedule.Select(i => new CaseFileInstalment(i.DueDate, i.Amount, i.PaidOn))], a.DiscountPercent, a.CreatedAt, a.DecidedAt, a.DecidedBy, a.Breaks);

    private static CaseFileEscalation Escalation(Escalation e) => new(
        e.Id, e.Reason.ToString(), e.Priority.ToString(), e.State.ToString(), e.RaisedAt, e.RespondBy, e.Detail, e.AssignedTo, e.ClosedAt);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The debtor's latest <see cref="StaffOptions.TranscriptLimit"/> messages over all their conversations, oldest first.</summary>
    private async Task<IReadOnlyList<CaseFileMessage>> TranscriptAsync(string debtorId, CancellationToken cancellationToken) =>
        [.. (await transcripts.ListByDebtorAsync(debtorId, options.Value.TranscriptLimit, cancellationToken))
            .Where(e => e.Type == Conversations.ActivityTypes.Message)
            .Select(e => new CaseFileMessage(e.At, e.ConversationKey, e.Direction.ToString(),
                e.Direction == TranscriptDirection.Inbound ? "debtor" : e.Sender ?? "bot", e.Text) { Buttons = e.Buttons, Attachments = e.Attachments })];
}
