using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Insights;

/// <summary>Builds <see cref="Insights"/> over every case (reads only; meant for an owner's page, not a hot path).</summary>
public sealed partial class InsightsReport(
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
}
