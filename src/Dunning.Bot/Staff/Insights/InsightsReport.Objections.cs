using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Staff.Insights;

public sealed partial class InsightsReport
{
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
