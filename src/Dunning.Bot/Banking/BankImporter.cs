using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Banking;

/// <summary>
/// Imports a bank statement: parses it, matches every credit in the statement's currency with <see cref="PaymentMatcher"/>
/// (rules and confidences: <see cref="MatchRule"/>), books the certain matches in batches through
/// <see cref="ClaimBook.PayManyAsync(ClaimSet, IReadOnlyList{PaymentOrder}, string, CancellationToken)"/> with the bank's
/// reference as the payment reference (so a statement imported twice, overlapping statements, or a second run after one
/// cut short book nothing twice) and queues the rest for review.
/// </summary>
public sealed partial class BankImporter(IDebtorStore debtors, IInvoiceStore invoices, ICaseStore cases, InvoiceStatements statements,
    ClaimBook book, IBankReviewStore review, IPayerAccountStore accounts, IAgreementStore agreements, TimeProvider clock, IOptions<BankingOptions> options)
{
    public const string Actor = "bank-import";

    public async Task<BankImportReport> ImportAsync(Stream stream, bool dryRun, CancellationToken cancellationToken)
    {
        var statement = await BankStatementReader.ReadAsync(stream, options.Value, cancellationToken);
        if (statement.Refusal is not null)
            return new BankImportReport { Format = statement.Format, DryRun = dryRun, Refusal = statement.Refusal, TooLarge = statement.TooLarge };
        if (statement.Currency is null)
            return new BankImportReport { Format = statement.Format, DryRun = dryRun, Entries = statement.Entries.Count, Refusal = "the statement names no account currency (camt Acct/Ccy, MT940 :60F:)." };
        var report = new BankImportReport { Format = statement.Format, Currency = statement.Currency, DryRun = dryRun, Entries = statement.Entries.Count };
        var (matcher, loaded) = await MatcherAsync(cancellationToken);
        var run = new ImportRun(report, matcher, loaded, clock.GetUtcNow());
        foreach (var entry in statement.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Screen(entry, statement.Currency, matcher) is { } verdict)
            {
                (verdict.List switch { Verdict.Skip => report.Skipped, Verdict.Refuse => report.Refused, Verdict.Done => report.AlreadyBooked, _ => report.Review }).Add(verdict.Item);
                if (verdict.List == Verdict.Review)
                    run.ToReview.Add(verdict.Item);
                continue;
            }
            Match(entry, run);
            if (run.Pending.Count >= options.Value.BookingBatchSize)
                await FlushAsync(run, cancellationToken);
        }
        await FlushAsync(run, cancellationToken);
        return report;
    }

    private enum Verdict { Skip, Refuse, Done, Review }

    /// <summary>Everything decided before matching: what is no payment of ours, malformed, a reversal, or already booked.</summary>
    private static (Verdict List, BankImportItem Item)? Screen(BankEntry entry, string currency, PaymentMatcher matcher) => entry switch
    {
        { IsBooked: false } => (Verdict.Skip, BankImportItem.Of(entry, BankReasons.Pending, "not booked by the bank yet (pending)")),
        { IsReversal: true, IsCredit: true } => (Verdict.Skip, BankImportItem.Of(entry, BankReasons.DebitReversal, "reversal of a debit (money back for a payment we made), not a payment of a debtor")),
        { IsReversal: true } => Reversal(entry, matcher),
        { IsCredit: false } => (Verdict.Skip, BankImportItem.Of(entry, BankReasons.Debit, "debit (money going out)")),
        _ when entry.Currency != currency => (Verdict.Refuse, BankImportItem.Of(entry, BankReasons.Currency, $"currency {entry.Currency} differs from the statement's {currency}")),
        { Amount: <= 0m } => (Verdict.Refuse, BankImportItem.Of(entry, BankReasons.NotPositive, "the amount is zero or negative")),
        _ when entry.Amount != decimal.Round(entry.Amount, Currency.MinorUnits(currency)) => (Verdict.Refuse, BankImportItem.Of(entry, BankReasons.NotCents, "the amount is not in whole cents")),
        { Reference: null } => (Verdict.Review, BankImportItem.Of(entry, BankReasons.NoReference, "the bank gave no reference for this entry; book it by hand")),
        { Reference: { } reference } when matcher.BookedOn(reference) is { Count: > 0 } on => (Verdict.Done, BankImportItem.Of(entry, BankReasons.AlreadyBooked, "already booked", on)),
        _ => null,
    };

    /// <summary>
    /// A reversal of a credit never books anything: when it matches a booked payment (by one of its references, else by the
    /// payer's known account and the amount) it waits for review as a proposed reversal of that payment; otherwise it waits
    /// for a person to look at it. One that undoes a payment reversed already is done.
    /// </summary>
    private static (Verdict List, BankImportItem Item) Reversal(BankEntry entry, PaymentMatcher matcher)
    {
        var references = entry.Reference is { } own ? entry.RelatedReferences.Prepend(own) : entry.RelatedReferences;
        var found = matcher.ReversedPayment(references, entry.PayerIban ?? entry.CounterpartyIban, entry.Amount, entry.Currency);
        if (found is { Reversed: true } done)
            return (Verdict.Done, BankImportItem.Of(entry, BankReasons.AlreadyBooked, $"reverses the payment {done.Reference}, which was reversed already", done.Invoices) with { Reverses = done.Reference });
        if (found is { } match)
            return (Verdict.Review, BankImportItem.Of(entry, BankReasons.Reversal,
                $"reversal of the payment {match.Reference} booked on {string.Join(", ", match.Invoices)}: confirm to undo that booking", match.Invoices) with { Reverses = match.Reference });
        return (Verdict.Review, BankImportItem.Of(entry, BankReasons.ReversalUnmatched, "reversal of a credit that matches no payment booked here; check it by hand"));
    }

    /// <summary>The matcher over every claim, and the documents read for it (the booking uses them rather than reading them again).</summary>
    private async Task<(PaymentMatcher, ClaimSet)> MatcherAsync(CancellationToken cancellationToken)
    {
        var all = await debtors.ListAsync(cancellationToken);
        var ids = all.Select(d => d.Id).ToList();
        var byId = all.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var allCases = await cases.FindManyAsync(ids, cancellationToken);
        var caseById = allCases.ToDictionary(c => c.DebtorId, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var claims = new List<OpenClaim>();
        var booked = new List<BookedCredit>();
        var allInvoices = await invoices.ListByDebtorsAsync(ids, cancellationToken);
        foreach (var invoice in allInvoices)
        {
            if (!byId.TryGetValue(invoice.DebtorId, out var debtor))
                continue;
            var due = statements.Describe(invoice, debtor, caseById.GetValueOrDefault(debtor.Id), now, InvoiceStatements.TodayOf(debtor, now)).Due.Amount;
            claims.Add(new OpenClaim(invoice.Number, invoice.DebtorId, invoice.Currency, invoice.DueDate, due,
                invoice.Payments.Concat(invoice.Reversals.Select(r => r.Payment)).Select(p => p.Reference).OfType<string>()));
            foreach (var payment in invoice.Payments.Where(p => p.Reference is not null))
                booked.Add(new BookedCredit(payment.Reference!, invoice.DebtorId, invoice.Number, payment.Amount, invoice.Currency, Reversed: false));
            foreach (var reversal in invoice.Reversals.Where(r => r.Payment.Reference is not null))
                booked.Add(new BookedCredit(reversal.Payment.Reference!, invoice.DebtorId, invoice.Number, reversal.Payment.Amount, invoice.Currency, Reversed: true));
        }
        var instalments = (await agreements.ListByStateAsync(AgreementState.Active, cancellationToken))
            .SelectMany(a => a.Schedule.Select((i, index) => (Agreement: a, Instalment: i, Index: index)))
            .Where(x => x.Instalment.PaidOn is null)
            .Select(x => new OpenInstalment(x.Agreement.Id, x.Agreement.DebtorId, x.Agreement.InvoiceNumbers, x.Agreement.Currency, x.Index, x.Instalment.DueDate, x.Instalment.Amount));
        var matcher = new PaymentMatcher(claims, all.Select(d => (d.Id, d.Name)), await accounts.ListAsync(cancellationToken), instalments, booked);
        return (matcher, new ClaimSet(allInvoices, all, allCases));
    }
}
