using Dunning.Bot.Core.Policies;
using Dunning.Bot.Staff.Insights;

namespace Dunning.Bot.Staff.Pages;

/// <summary>Objections, questions, dispute reasons, promise-kept rate and recovery by stage; objections by meaning with advice.</summary>
public sealed class InsightsModel(InsightsReport report, InsightsAdvice advice, DunningLadder ladder) : ConsolePage
{
    public Insights.Insights? Report { get; private set; }

    public IReadOnlyList<Suggestion> Advice { get; private set; } = [];

    public DunningLadder Ladder => ladder;

    public InsightsAdvice Wording => advice;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await report.BuildAsync(cancellationToken);
        Advice = advice.For(Report, T.Language);
    }
}
