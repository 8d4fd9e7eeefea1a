using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Staff.Insights;

public sealed partial class InsightsReport
{
    private Task<IReadOnlyList<Count>> IntentsAsync(IReadOnlyList<DunningCase> all, CancellationToken cancellationToken)
    {
        _ = (all, debtors, cancellationToken);
        return Task.FromResult<IReadOnlyList<Count>>([]);
    }
}
