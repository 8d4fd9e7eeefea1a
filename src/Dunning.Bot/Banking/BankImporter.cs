using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Banking;

/// <summary>
/// Imports a bank statement: parses it, matches every credit in the statement's currency with <see cref="PaymentMatcher"/>,
/// books matches only through <see cref="ClaimBook.PayAsync"/> with the bank's reference as the payment reference (so a
/// statement imported twice, or overlapping statements, book nothing twice) and queues the rest for review.
/// </summary>
public sealed partial class BankImporter(IDebtorStore debtors, IInvoiceStore invoices, ICaseStore cases, InvoiceStatements statements,
    ClaimBook book, IBankReviewStore review, TimeProvider clock, IOptions<BankingOptions> options)
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

    private static void Match(BankEntry entry, ImportRun run)
    {
        var matcher = run.Matcher;
        var named = matcher.NumbersIn(entry.Remittance).Where(c => c.Currency == entry.Currency).ToList();
        var open = named.Where(c => c.Due > 0m).OrderBy(c => c.DueDate).ThenBy(c => c.Number, StringComparer.Ordinal).ToList();
        string? reason = null;
        IReadOnlyList<OpenClaim> suggested = named;
        List<(OpenClaim Claim, decimal Amount)>? plan = null;
        if (named.Count > 0 && open.Count == 0)
            reason = $"invoice {string.Join(", ", named.Select(c => c.Number))} is already settled";
        else if (open.Count == 1)
            plan = [(open[0], entry.Amount)];
        else if (open.Count > 1 && entry.Amount > open.Sum(c => c.Due))
            reason = "pays more than the open claims of the invoices named";
        else if (open.Count > 1)
            plan = Split(open, entry.Amount);
        else
        {
            suggested = matcher.ByAmount(entry.Payer, entry.Amount, entry.Currency);
            if (suggested.Count == 1)
                plan = [(suggested[0], entry.Amount)];
            else
                reason = suggested.Count > 1 ? "ambiguous: the amount equals several open claims of this payer"
                    : matcher.KnowsPayer(entry.Payer) ? "no invoice number in the text and no open claim of this amount for the payer"
                    : "no invoice number in the text and the payer is not a known debtor";
        }
        if (plan is null)
        {
            var item = BankImportItem.Of(entry, reason!, [.. suggested.Select(c => c.Number)]);
            run.Report.Review.Add(item);
            run.ToReview.Add(item);
            return;
        }
        run.Plan(entry, plan);
    }

    /// <summary>Several invoices named: each is paid up to its open claim, oldest due first.</summary>
    private static List<(OpenClaim, decimal)> Split(List<OpenClaim> open, decimal amount)
    {
        var plan = new List<(OpenClaim, decimal)>();
        foreach (var claim in open)
        {
            var part = Math.Min(claim.Due, amount);
            if (part > 0m)
                plan.Add((claim, part));
            amount -= part;
        }
        return plan;
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
        var allInvoices = await invoices.ListByDebtorsAsync(ids, cancellationToken);
        foreach (var invoice in allInvoices)
        {
            if (!byId.TryGetValue(invoice.DebtorId, out var debtor))
                continue;
            var due = statements.Describe(invoice, debtor, caseById.GetValueOrDefault(debtor.Id), now, InvoiceStatements.TodayOf(debtor, now)).Due.Amount;
            claims.Add(new OpenClaim(invoice.Number, invoice.DebtorId, invoice.Currency, invoice.DueDate, due,
                invoice.Payments.Select(p => p.Reference).OfType<string>()));
        }
        return (new PaymentMatcher(claims, all.Select(d => (d.Id, d.Name))), new ClaimSet(allInvoices, all, allCases));
    }
}
