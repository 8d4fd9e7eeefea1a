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

    /// <summary>Everything decided before matching: what is no payment of ours, malformed, or already booked.</summary>
    private static (Verdict List, BankImportItem Item)? Screen(BankEntry entry, string currency, PaymentMatcher matcher) => entry switch
    {
        { IsBooked: false } => (Verdict.Skip, BankImportItem.Of(entry, "not booked by the bank yet (pending)")),
        { IsReversal: true } => (Verdict.Review, BankImportItem.Of(entry, "reversal of an earlier entry: check whether a booked payment came back", entry.Reference is { } r ? matcher.BookedOn(r) : null)),
        { IsCredit: false } => (Verdict.Skip, BankImportItem.Of(entry, "debit (money going out)")),
        _ when entry.Currency != currency => (Verdict.Refuse, BankImportItem.Of(entry, $"currency {entry.Currency} differs from the statement's {currency}")),
        { Amount: <= 0m } => (Verdict.Refuse, BankImportItem.Of(entry, "the amount is zero or negative")),
        _ when entry.Amount != decimal.Round(entry.Amount, Currency.MinorUnits(currency)) => (Verdict.Refuse, BankImportItem.Of(entry, "the amount is not in whole cents")),
        { Reference: null } => (Verdict.Review, BankImportItem.Of(entry, "the bank gave no reference for this entry; book it by hand")),
        { Reference: { } reference } when matcher.BookedOn(reference) is { Count: > 0 } on => (Verdict.Done, BankImportItem.Of(entry, "already booked", on)),
        _ => null,
    };

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
        var allInvoices = await invoices.ListByDebtorsAsync(ids, cancellationToken);
        foreach (var invoice in allInvoices)
        {
            if (!byId.TryGetValue(invoice.DebtorId, out var debtor))
                continue;
            var due = statements.Describe(invoice, debtor, caseById.GetValueOrDefault(debtor.Id), now, InvoiceStatements.TodayOf(debtor, now)).Due.Amount;
            claims.Add(new OpenClaim(invoice.Number, invoice.DebtorId, invoice.Currency, invoice.DueDate, due,
                invoice.Payments.Select(p => p.Reference).OfType<string>()));
        }
        var instalments = (await agreements.ListByStateAsync(AgreementState.Active, cancellationToken))
            .SelectMany(a => a.Schedule.Select((i, index) => (Agreement: a, Instalment: i, Index: index)))
            .Where(x => x.Instalment.PaidOn is null)
            .Select(x => new OpenInstalment(x.Agreement.Id, x.Agreement.DebtorId, x.Agreement.InvoiceNumbers, x.Agreement.Currency, x.Index, x.Instalment.DueDate, x.Instalment.Amount));
        var matcher = new PaymentMatcher(claims, all.Select(d => (d.Id, d.Name)), await accounts.ListAsync(cancellationToken), instalments);
        return (matcher, new ClaimSet(allInvoices, all, allCases));
    }
}
