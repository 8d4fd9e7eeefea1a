using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Banking;

public sealed partial class BankImporter
{
    /// <summary>
    /// One import in progress: the report, the matcher, the entries matched but not yet booked (every part of one entry
    /// stays in one batch, so a crash books an entry wholly or not at all) and the items waiting to be queued for review.
    /// </summary>
    private sealed class ImportRun(BankImportReport report, PaymentMatcher matcher, ClaimSet loaded, DateTimeOffset now)
    {
        public ClaimSet Loaded { get; } = loaded;

        public BankImportReport Report { get; } = report;

        public PaymentMatcher Matcher { get; } = matcher;

        public DateTimeOffset Now { get; } = now;

        public List<(BankEntry Entry, OpenClaim Claim, decimal Amount, MatchRule Rule)> Pending { get; } = [];

        /// <summary>Instalments matched by the pending entries, by entry reference.</summary>
        public Dictionary<string, OpenInstalment> Instalments { get; } = new(StringComparer.Ordinal);

        public List<BankImportItem> ToReview { get; } = [];

        /// <summary>
        /// Queues the parts of <paramref name="entry"/> and lets later entries of the statement see them at once: the open
        /// claim lowered by the amount (corrected to the ledger's figure when the batch is booked) and the reference as booked.
        /// </summary>
        public void Plan(BankEntry entry, IEnumerable<(OpenClaim Claim, decimal Amount)> parts, MatchRule rule, OpenInstalment? instalment)
        {
            if (instalment is not null)
                Instalments[entry.Reference!] = instalment;
            foreach (var (claim, amount) in parts)
            {
                Pending.Add((entry, claim, amount, rule));
                claim.Due = Math.Max(0m, claim.Due - amount);
                Matcher.Booked(entry.Reference!, claim.Number);
            }
        }
    }

    /// <summary>
    /// Books the pending parts through <see cref="ClaimBook.PayManyAsync(ClaimSet, IReadOnlyList{PaymentOrder}, string, CancellationToken)"/> in one transaction (a dry run books nothing)
    /// and queues the review items; both are idempotent, so a run cut short is completed by importing the file again.
    /// </summary>
    private async Task FlushAsync(ImportRun run, CancellationToken cancellationToken)
    {
        var report = run.Report;
        if (report.DryRun)
        {
            foreach (var (entry, claim, amount, rule) in run.Pending)
                report.Booked.Add(new BookedPayment(entry.Reference!, claim.Number, amount, entry.Currency, 0m, 0m, 0m, 0m, claim.Due) { Rule = rule, Confidence = MatchConfidence.Of(rule) });
            run.Pending.Clear();
            run.Instalments.Clear();
            run.ToReview.Clear();
            return;
        }
        if (run.Pending.Count > 0)
        {
            var orders = run.Pending.Select(p => new PaymentOrder(p.Claim.Number, new Payment(p.Entry.PaidOn, p.Amount, p.Entry.Reference))).ToList();
            var results = await book.PayManyAsync(run.Loaded, orders, Actor, cancellationToken);
            for (var i = 0; i < results.Count; i++)
                Report(run.Pending[i], results[i], report);
            await LearnAsync(run, results, cancellationToken);
            await KeepInstalmentsAsync(run, results, cancellationToken);
            run.Pending.Clear();
            run.Instalments.Clear();
        }
        if (run.ToReview.Count > 0)
        {
            await review.AddManyAsync(run.ToReview, run.Now, cancellationToken);
            run.ToReview.Clear();
        }
    }

    private static void Report((BankEntry Entry, OpenClaim Claim, decimal Amount, MatchRule Rule) part, PaymentResult result, BankImportReport report)
    {
        var (entry, claim, amount, rule) = part;
        if (result.Refusal is { } refusal)
        {
            report.Refused.Add(BankImportItem.Of(entry, BankReasons.Ledger, refusal, [claim.Number]));
            return;
        }
        if (result.Booking is not { } booking)
        {
            report.Refused.Add(BankImportItem.Of(entry, BankReasons.InvoiceGone, $"invoice {claim.Number} no longer exists", [claim.Number]));
            return;
        }
        claim.Due = booking.Claim.Open.Amount;
        if (booking.Duplicate)
        {
            report.AlreadyBooked.Add(BankImportItem.Of(entry, BankReasons.AlreadyBooked, "already booked", [claim.Number]));
            return;
        }
        var e = booking.Entry;
        report.Booked.Add(new BookedPayment(entry.Reference!, claim.Number, amount, entry.Currency, e?.ToFees.Amount ?? 0m, e?.ToInterest.Amount ?? 0m,
            e?.ToPrincipal.Amount ?? 0m, e?.ToCredit.Amount ?? 0m, booking.Claim.Open.Amount) { Rule = rule, Confidence = MatchConfidence.Of(rule) });
    }

    /// <summary>The payer IBANs of credits booked by an RF reference or invoice numbers are the debtor's accounts from now on.</summary>
    private async Task LearnAsync(ImportRun run, IReadOnlyList<PaymentResult> results, CancellationToken cancellationToken)
    {
        var learned = new List<(string, string)>();
        for (var i = 0; i < results.Count; i++)
        {
            var (entry, claim, _, rule) = run.Pending[i];
            if (results[i].Booking is not null && entry.PayerIban is { } iban
                && rule is MatchRule.CreditorReference or MatchRule.InvoiceNumber or MatchRule.SeveralInvoices)
            {
                learned.Add((iban, claim.DebtorId));
                run.Matcher.Learned(iban, claim.DebtorId);
            }
        }
        await accounts.LearnAsync(learned, run.Now, cancellationToken);
    }

    /// <summary>An instalment a credit was matched to is marked paid on the credit's day once the credit is booked.</summary>
    private async Task KeepInstalmentsAsync(ImportRun run, IReadOnlyList<PaymentResult> results, CancellationToken cancellationToken)
    {
        if (run.Instalments.Count == 0)
            return;
        var booked = Enumerable.Range(0, results.Count).Where(i => results[i].Booking is { Duplicate: false })
            .Select(i => run.Pending[i].Entry).DistinctBy(e => e.Reference).ToList();
        foreach (var entry in booked)
        {
            if (!run.Instalments.TryGetValue(entry.Reference!, out var instalment))
                continue;
            await ConflictRetry.UpdateAsync(ct => agreements.FindAsync(instalment.AgreementId, ct), agreements.SaveAsync, agreement =>
            {
                if (instalment.Index < agreement.Schedule.Count && agreement.Schedule[instalment.Index].PaidOn is null)
                    agreement.Schedule[instalment.Index] = agreement.Schedule[instalment.Index] with { PaidOn = entry.PaidOn };
            }, cancellationToken);
        }
    }
}
