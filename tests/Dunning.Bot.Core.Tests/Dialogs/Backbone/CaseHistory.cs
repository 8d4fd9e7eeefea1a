using Dunning.Bot.Core.Tests.Fakes;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

internal static class CaseHistory
{
    /// <summary>The kinds of the debtor's case actions, in order.</summary>
    public static IReadOnlyList<string> KindsOf(this InMemoryCaseStore cases, string debtorId) =>
        cases.FindAsync(debtorId, CancellationToken.None).Result is { } c ? [.. c.History.Select(a => a.Kind)] : [];
}
