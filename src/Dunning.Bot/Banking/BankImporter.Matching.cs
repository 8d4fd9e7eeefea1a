using System.Globalization;

namespace Dunning.Bot.Banking;

public sealed partial class BankImporter
{
    /// <summary>A decision about one credit: the parts to book and by which rule, or why it waits for review (with the invoices it may be for).</summary>
    private sealed record Decision(List<(OpenClaim Claim, decimal Amount)>? Plan, MatchRule? Rule, string? Reason, IReadOnlyList<OpenClaim> Suggested,
        OpenInstalment? Instalment = null, string Code = BankReasons.Uncertain)
    {
        /// <summary>A split proposed for review (not booked): several invoices named, the amount not paying all exactly.</summary>
        public List<(OpenClaim Claim, decimal Amount)>? Proposed { get; init; }
    }

    /// <summary>
    /// Matches one credit (see <see cref="Decide"/>): a match at or above Banking:AutoBookConfidence is planned for booking,
    /// anything less certain goes to review with the suggested invoices, its rule and confidence.
    /// </summary>
    private void Match(BankEntry entry, ImportRun run)
    {
        var decision = Decide(entry, run.Matcher);
        var confidence = decision.Rule is { } rule ? MatchConfidence.Of(rule) : (decimal?)null;
        if (decision.Plan is { } plan && confidence >= options.Value.AutoBookConfidence)
        {
            if (decision.Instalment is { } instalment)
                instalment.Taken = true;
            run.Plan(entry, plan, decision.Rule!.Value, decision.Instalment);
            return;
        }
        var reason = decision.Reason ?? $"uncertain match ({Describe(decision.Rule!.Value)}, confidence {confidence!.Value.ToString("0.00", CultureInfo.InvariantCulture)}): "
            + string.Join(", ", decision.Plan!.Select(p => $"{p.Amount.ToString("0.00", CultureInfo.InvariantCulture)} to {p.Claim.Number}"));
        var item = BankImportItem.Of(entry, decision.Code, reason, [.. (decision.Plan?.Select(p => p.Claim) ?? decision.Suggested).Select(c => c.Number)]) with
        {
            Rule = decision.Rule,
            Confidence = confidence,
            Split = decision.Plan is { Count: > 1 } parts ? [.. parts.Select(p => p.Amount)]
                : decision.Proposed is { } proposed ? [.. decision.Suggested.Select(c => proposed.FirstOrDefault(p => p.Claim == c).Amount)] : null,
        };
        run.Report.Review.Add(item);
        run.ToReview.Add(item);
    }

    /// <summary>
    /// In order: RF references, else invoice numbers (as written, else lookalikes) in the text; else the one open claim of
    /// the payer (known by IBAN, else by name) equal to the amount; else the next instalment of one of the payer's
    /// agreements equal to the amount. Several invoices named are split oldest due first: booked when the amount pays
    /// exactly what is open on them, otherwise proposed for review.
    /// </summary>
    private static Decision Decide(BankEntry entry, PaymentMatcher matcher)
    {
        var (found, rule) = matcher.Find(entry.Remittance);
        var named = found.Where(c => c.Currency == entry.Currency).ToList();
        var open = named.Where(c => c.Due > 0m).OrderBy(c => c.DueDate).ThenBy(c => c.Number, StringComparer.Ordinal).ToList();
        if (named.Count > 0 && open.Count == 0)
            return new Decision(null, null, $"invoice {string.Join(", ", named.Select(c => c.Number))} is already settled", named, Code: BankReasons.Settled);
        if (open.Count == 1)
            return new Decision([(open[0], entry.Amount)], rule, null, open);
        if (open.Count > 1)
        {
            var total = open.Sum(c => c.Due);
            if (entry.Amount == total)
                return new Decision(Split(open, entry.Amount), rule == MatchRule.InvoiceNumberLookalike ? rule : MatchRule.SeveralInvoices, null, open);
            var split = Split(open, entry.Amount);
            var proposal = string.Join(", ", split.Select(p => $"{p.Amount.ToString("0.00", CultureInfo.InvariantCulture)} to {p.Claim.Number}"));
            return entry.Amount > total
                ? new Decision(null, null, $"pays more than the open claims of the invoices named ({total.ToString("0.00", CultureInfo.InvariantCulture)}); proposed: {proposal}", open, Code: BankReasons.Overpays) { Proposed = split }
                : new Decision(null, null, $"one transfer for {open.Count} invoices that does not pay all of them; proposed, oldest due first: {proposal}", open, Code: BankReasons.PartOfSeveral) { Proposed = split };
        }
        var debtorIds = matcher.DebtorsOf(entry.Payer, entry.PayerIban, out var byAccount);
        var byAmount = matcher.ByAmount(debtorIds, entry.Amount, entry.Currency);
        if (byAmount.Count == 1)
            return new Decision([(byAmount[0], entry.Amount)], byAccount ? MatchRule.AmountFromKnownAccount : MatchRule.AmountFromPayerName, null, byAmount);
        if (byAmount.Count > 1)
            return new Decision(null, null, "ambiguous: the amount equals several open claims of this payer", byAmount, Code: BankReasons.Ambiguous);
        if (matcher.InstalmentsOf(debtorIds, entry.Amount, entry.Currency) is [var instalment]
            && matcher.Claims(instalment.InvoiceNumbers).Where(c => c.Due > 0m).ToList() is { Count: > 0 } covered)
            return new Decision(Split(covered, entry.Amount), MatchRule.Instalment, null, covered, instalment);
        return debtorIds.Count > 0
            ? new Decision(null, null, "no invoice number in the text and no open claim or instalment of this amount for the payer", [], Code: BankReasons.NoClaimOfPayer)
            : new Decision(null, null, "no invoice number in the text and the payer is not a known debtor", [], Code: BankReasons.UnknownPayer);
    }

    /// <summary>Each invoice paid up to its open claim, oldest due first; what is left over goes to the last one (a credit).</summary>
    private static List<(OpenClaim Claim, decimal Amount)> Split(List<OpenClaim> open, decimal amount)
    {
        var plan = new List<(OpenClaim Claim, decimal Amount)>();
        for (var i = 0; i < open.Count && amount > 0m; i++)
        {
            var part = i == open.Count - 1 ? amount : Math.Min(open[i].Due, amount);
            if (part > 0m)
                plan.Add((open[i], part));
            amount -= part;
        }
        return plan;
    }

    private static string Describe(MatchRule rule) => rule switch
    {
        MatchRule.CreditorReference => "RF creditor reference",
        MatchRule.InvoiceNumber => "invoice number",
        MatchRule.InvoiceNumberLookalike => "invoice number read with O as 0 or I as 1",
        MatchRule.SeveralInvoices => "several invoice numbers",
        MatchRule.AmountFromKnownAccount => "amount of the one open claim of the payer's known account",
        MatchRule.AmountFromPayerName => "amount of the one open claim of the payer's name",
        _ => "amount of the next instalment of the payer's agreement",
    };
}
