using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using static Dunning.Bot.Core.Tests.Policies.PolicyFixtures;

namespace Dunning.Bot.Core.Tests.Policies;

internal static class NegotiationFixtures
{
    /// <summary>Negotiating on Friday 2026-11-20; the debtor was last told to pay by 2026-11-26.</summary>
    public static NegotiationContext Context(decimal open = 480m, int agreements = 0, bool discountStage = true, string? stageKey = "request.second",
        string currency = "EUR", params Invoice[] invoices) => Context(invoices.Length > 0 ? invoices : [Invoice(open, currency: currency)], agreements, discountStage, stageKey, currency);

    private static NegotiationContext Context(Invoice[] invoices, int agreements, bool discountStage, string? stageKey, string currency) => new()
    {
        DebtorId = "D-1",
        Invoices = invoices,
        Amount = new Money(invoices.Sum(i => i.Total - i.Paid), currency),
        Today = Day("2026-11-20"),
        CurrentDeadline = Day("2026-11-26"),
        AgreementsSoFar = agreements,
        StageAllowsDiscount = discountStage,
        StageKey = stageKey,
    };

    public static (DateOnly, decimal)[] Rows(NegotiationTerms terms) => [.. terms.Schedule.Select(i => (i.DueDate, i.Amount))];

    public static T Is<T>(NegotiationOutcome outcome)
        where T : NegotiationOutcome => Assert.IsType<T>(outcome);
}
