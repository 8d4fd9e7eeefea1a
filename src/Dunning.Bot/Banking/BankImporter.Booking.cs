using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;

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

        public List<(BankEntry Entry, OpenClaim Claim, decimal Amount)> Pending { get; } = [];

        public List<BankImportItem> ToReview { get; } = [];

        /// <summary>
        /// Queues the parts of <paramref name="entry"/> and lets later entries of the statement see them at once: the open
        /// claim lowered by the amount (corrected to the ledger's figure when the batch is booked) and the reference as booked.
        /// </summary>
        public void Plan(BankEntry entry, IEnumerable<(OpenClaim Claim, decimal Amount)> parts)
        {
            foreach (var (claim, amount) in parts)
            {
                Pending.Add((entry, claim, amount));
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
            foreach (var (entry, claim, amount) in run.Pending)
                report.Booked.Add(new BookedPayment(entry.Reference!, claim.Number, amount, entry.Currency, 0m, 0m, 0m, 0m, claim.Due));
            run.Pending.Clear();
            run.ToReview.Clear();
            return;
        }
        if (run.Pending.Count > 0)
        {
            var orders = run.Pending.Select(p => new PaymentOrder(p.Claim.Number, new Payment(p.Entry.PaidOn, p.Amount, p.Entry.Reference))).ToList();
            var results = await book.PayManyAsync(run.Loaded, orders, Actor, cancellationToken);
            for (var i = 0; i < results.Count; i++)
                Report(run.Pending[i], results[i], report);
            run.Pending.Clear();
        }
        if (run.ToReview.Count > 0)
        {
            await review.AddManyAsync(run.ToReview, run.Now, cancellationToken);
            run.ToReview.Clear();
        }
    }

    private static void Report((BankEntry Entry, OpenClaim Claim, decimal Amount) part, PaymentResult result, BankImportReport report)
    {
        var (entry, claim, amount) = part;
        if (result.Refusal is { } refusal)
        {
            report.Refused.Add(BankImportItem.Of(entry, refusal, [claim.Number]));
            return;
        }
        if (result.Booking is not { } booking)
        {
            report.Refused.Add(BankImportItem.Of(entry, $"invoice {claim.Number} no longer exists", [claim.Number]));
            return;
        }
        claim.Due = booking.Claim.Open.Amount;
        if (booking.Duplicate)
        {
            report.AlreadyBooked.Add(BankImportItem.Of(entry, "already booked", [claim.Number]));
            return;
        }
        var e = booking.Entry;
        report.Booked.Add(new BookedPayment(entry.Reference!, claim.Number, amount, entry.Currency, e?.ToFees.Amount ?? 0m, e?.ToInterest.Amount ?? 0m,
            e?.ToPrincipal.Amount ?? 0m, e?.ToCredit.Amount ?? 0m, booking.Claim.Open.Amount));
    }
}
