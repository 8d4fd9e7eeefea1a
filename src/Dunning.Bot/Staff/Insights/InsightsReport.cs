using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Insights;

/// <summary>Builds <see cref="Insights"/> over every case (reads only; meant for an owner's page, not a hot path).</summary>
public sealed class InsightsReport(
    IDebtorStore debtors,
    ICaseStore cases,
    IInvoiceStore invoices,
    IAgreementStore agreements,
    IEscalationStore escalations,
    ITranscriptStore transcripts,
    IMessageRecognizer recognizer,
    ObjectionMeaning meaning,
    InvoiceStatements statements,
    DunningLadder ladder,
    IOptions<InsightsOptions> options,
    TimeProvider clock)
{
    private const int Top = 15;
    private static readonly string[] ObjectionKinds =
        [CaseActionKinds.Dispute, CaseActionKinds.Objection, CaseActionKinds.Hardship, CaseActionKinds.ClaimedPaid];

    public async Task<Insights> BuildAsync(CancellationToken cancellationToken)
    {
        var all = await cases.ListAsync(cancellationToken);
        var escalationList = new List<Escalation>();
        var invoiceList = new List<Invoice>();
        foreach (var dunningCase in all)
        {
            escalationList.AddRange(await escalations.ListByDebtorAsync(dunningCase.DebtorId, cancellationToken));
            invoiceList.AddRange(await invoices.ListByDebtorAsync(dunningCase.DebtorId, cancellationToken));
        }
        var stages = all.SelectMany(c => c.Stages).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var keptList = await agreements.ListByStateAsync(AgreementState.Kept, cancellationToken);
        var brokenList = await agreements.ListByStateAsync(AgreementState.Broken, cancellationToken);
        var activeList = await agreements.ListByStateAsync(AgreementState.Active, cancellationToken);
        var (kept, broken) = (keptList.Count, brokenList.Count);
        var casesByDebtor = all.ToDictionary(c => c.DebtorId, StringComparer.Ordinal);
        var (groups, trend) = await ObjectionsAsync(all, invoiceList, cancellationToken);
        return new Insights
        {
            EscalationReasons = Rank(escalationList.Select(e => e.Reason.ToString())),
            Objections = Rank(all.SelectMany(c => c.History).Where(a => ObjectionKinds.Contains(a.Kind)).Select(a => a.Kind)),
            DisputeReasons = Rank(invoiceList.Where(i => i.Dispute is not null).Select(i => i.Dispute!.Trim().ToLowerInvariant())),
            MessageIntents = await IntentsAsync(all, cancellationToken),
            PromisesKept = kept,
            PromisesBroken = broken,
            Recovery = [.. invoiceList
                .GroupBy(i => (Stage: stages.GetValueOrDefault(i.Number), i.Currency))
                .OrderBy(g => g.Key.Stage).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
                .Select(g => new StageRecovery(g.Key.Stage, ladder.Stage(g.Key.Stage)?.Key, g.Key.Currency, g.Count(),
                    g.Count(i => i.SettledOn is not null), g.Sum(i => i.Total), g.Sum(i => Math.Min(i.Paid, i.Total))))],
            ObjectionGroups = groups,
            ObjectionTrend = trend,
            PromisesByStage = PromisesByStage([.. keptList, .. brokenList, .. activeList], casesByDebtor),
            Yield = await YieldAsync(invoiceList, casesByDebtor, cancellationToken),
        };
    }

    private static List<Count> Rank(IEnumerable<string> names) =>
        [.. names.GroupBy(n => n, StringComparer.Ordinal).Select(g => new Count(g.Key, g.Count()))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Name, StringComparer.Ordinal).Take(Top)];

    /// <summary>Agreements (promises to pay by a date or in instalments) by the stage their invoices had reached when made.</summary>
    private List<PromiseReliability> PromisesByStage(IReadOnlyList<PaymentAgreement> all, IReadOnlyDictionary<string, DunningCase> casesByDebtor) =>
        [.. all.Where(a => a.State is AgreementState.Kept or AgreementState.Broken or AgreementState.Active)
            .GroupBy(a => StageAt(casesByDebtor.GetValueOrDefault(a.DebtorId), a.InvoiceNumbers, a.CreatedAt))
            .OrderBy(g => g.Key)
            .Select(g => new PromiseReliability(g.Key, ladder.Stage(g.Key)?.Key, g.Count(a => a.State == AgreementState.Kept),
                g.Count(a => a.State == AgreementState.Broken), g.Count(a => a.State == AgreementState.Active)))];

    /// <summary>
    /// Every payment in the claim ledger, put to the stage whose reminder was the latest sent on or before its date (0: paid
    /// before any reminder), with the invoices settled at that stage.
    /// </summary>
    private async Task<List<StageYield>> YieldAsync(IReadOnlyList<Invoice> invoiceList, IReadOnlyDictionary<string, DunningCase> casesByDebtor,
        CancellationToken cancellationToken)
    {
        var rows = new List<(int Stage, string Currency, decimal Amount, bool Settles)>();
        foreach (var byDebtor in invoiceList.GroupBy(i => i.DebtorId, StringComparer.Ordinal))
        {
            if (await debtors.FindAsync(byDebtor.Key, cancellationToken) is not { } debtor)
                continue;
            var dunningCase = casesByDebtor.GetValueOrDefault(byDebtor.Key);
            foreach (var invoice in byDebtor)
            {
                var claim = (await statements.ForInvoiceAsync(invoice, debtor, cancellationToken)).Claim;
                var payments = claim.Entries.Where(e => e.Kind == ClaimEntryKind.Payment).OrderBy(e => e.Date).ToList();
                foreach (var payment in payments)
                {
                    var at = new DateTimeOffset(payment.Date.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
                    rows.Add((StageAt(dunningCase, [invoice.Number], at), claim.Currency, payment.Amount.Amount,
                        claim.IsSettled && ReferenceEquals(payment, payments[^1])));
                }
            }
        }
        return [.. rows.GroupBy(r => (r.Stage, r.Currency)).OrderBy(g => g.Key.Stage).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g => new StageYield(g.Key.Stage, ladder.Stage(g.Key.Stage)?.Key, g.Key.Currency, g.Count(), g.Sum(r => r.Amount), g.Count(r => r.Settles)))];
    }

    /// <summary>How many reminders about any of <paramref name="numbers"/> were sent up to <paramref name="at"/>, capped at the ladder's last stage.</summary>
    private int StageAt(DunningCase? dunningCase, IReadOnlyList<string> numbers, DateTimeOffset at)
    {
        if (dunningCase is null)
            return 0;
        var sent = numbers.Select(n => dunningCase.History.Count(a => a.Kind == CaseActionKinds.Reminder && a.At <= at
            && a.InvoiceNumbers?.Contains(n, StringComparer.Ordinal) == true)).DefaultIfEmpty(0).Max();
        return Math.Min(sent, ladder.Stages.Count);
    }

    /// <summary>Inbound messages read per debtor (the latest ones), so a very chatty debtor cannot dominate or stall the page.</summary>
    private const int MessagesPerDebtor = 200;

    /// <summary>What debtors wrote, by the intent the bot recognizes in each of their messages (greetings and small talk left out).</summary>
    private async Task<IReadOnlyList<Count>> IntentsAsync(IReadOnlyList<DunningCase> all, CancellationToken cancellationToken)
    {
        var context = RecognitionContext.At(clock, TimeZoneInfo.Utc, "de");
        var intents = new List<string>();
        foreach (var dunningCase in all)
        {
            var entries = await transcripts.ListByDebtorAsync(dunningCase.DebtorId, MessagesPerDebtor, cancellationToken);
            intents.AddRange(entries
                .Where(e => e.Direction == TranscriptDirection.Inbound && e.Type == Conversations.ActivityTypes.Message && !string.IsNullOrWhiteSpace(e.Text))
                .Select(e => recognizer.Recognize(e.Text, context).Intent)
                .Where(i => i is not (Intent.Unknown or Intent.Greeting or Intent.Thanks or Intent.Affirm or Intent.Deny))
                .Select(i => i.ToString()));
        }
        return Rank(intents);
    }

    /// <summary>
    /// Each debtor's objections by meaning — from their messages (recognized intent, dispute topic by keywords), their
    /// case history and their invoices' dispute reasons — counted once per debtor per group, and once per month for the trend.
    /// </summary>
    private async Task<(List<ObjectionGroup> Groups, List<MonthCount> Trend)> ObjectionsAsync(
        IReadOnlyList<DunningCase> all, IReadOnlyList<Invoice> invoiceList, CancellationToken cancellationToken)
    {
        var raised = new List<(string Debtor, string Group, DateTimeOffset At)>();
        foreach (var dunningCase in all)
        {
            var debtor = dunningCase.DebtorId;
            var entries = await transcripts.ListByDebtorAsync(debtor, MessagesPerDebtor, cancellationToken);
            foreach (var e in entries.Where(e => e.Direction == TranscriptDirection.Inbound && e.Type == Conversations.ActivityTypes.Message && !string.IsNullOrWhiteSpace(e.Text)))
            {
                var context = RecognitionContext.At(clock, TimeZoneInfo.Utc, "de");
                if (meaning.OfMessage(recognizer.Recognize(e.Text!, context).Intent, e.Text!) is { } group)
                    raised.Add((debtor, group, e.At));
            }
            raised.AddRange(dunningCase.History.Select(a => (Action: a, Group: meaning.OfAction(a)))
                .Where(x => x.Group is not null).Select(x => (debtor, x.Group!, x.Action.At)));
        }
        raised.AddRange(invoiceList.Where(i => i.Dispute is not null && i.Dispute != "(erased)")
            .Select(i => (i.DebtorId, meaning.DisputeTopic(i.Dispute), clock.GetUtcNow())));

        var perDebtor = raised.GroupBy(r => (r.Debtor, r.Group)).Select(g => (g.Key.Debtor, g.Key.Group, First: g.Min(r => r.At))).ToList();
        var withObjections = perDebtor.Select(r => r.Debtor).Distinct(StringComparer.Ordinal).Count();
        var withDisputes = perDebtor.Where(r => r.Group.StartsWith(ObjectionMeaning.DisputePrefix, StringComparison.Ordinal))
            .Select(r => r.Debtor).Distinct(StringComparer.Ordinal).Count();
        var groups = perDebtor.GroupBy(r => r.Group)
            .Select(g => new ObjectionGroup(g.Key, g.Count(), g.Key.StartsWith(ObjectionMeaning.DisputePrefix, StringComparison.Ordinal) ? withDisputes : withObjections))
            .OrderByDescending(g => g.Debtors).ThenBy(g => Order(g.Group)).ToList();

        var now = clock.GetUtcNow();
        var firstMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - options.Value.TrendMonths);
        var trend = raised.Where(r => r.At >= firstMonth)
            .GroupBy(r => (Month: r.At.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.Group))
            .Select(g => new MonthCount(g.Key.Month, g.Key.Group, g.Select(r => r.Debtor).Distinct(StringComparer.Ordinal).Count()))
            .OrderBy(m => m.Month, StringComparer.Ordinal).ThenBy(m => Order(m.Group)).ToList();
        return (groups, trend);
    }

    private static int Order(string group) => ObjectionMeaning.Groups.ToList().IndexOf(group) is var i and >= 0 ? i : int.MaxValue;
}
