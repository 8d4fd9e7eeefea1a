using Dunning.Bot.Core.Policies;
using Dunning.Bot.Staff.Insights;

namespace Dunning.Bot.Staff.Pages;

/// <summary>Objections, questions, dispute reasons, promise-kept rate and recovery by stage.</summary>
public sealed class InsightsModel(InsightsReport report, DunningLadder ladder) : ConsolePage
{
    public Insights.Insights? Report { get; private set; }

    public DunningLadder Ladder => ladder;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await report.BuildAsync(cancellationToken);
}
