using Dunning.Bot.Core.Messages;
using Dunning.Bot.Staff.Insights;

namespace Dunning.Bot.Staff.Pages;

/// <summary>Objections, questions, dispute reasons, promise-kept rate and recovery by stage; objections by meaning with advice.</summary>
public sealed class InsightsModel(InsightsReport report, InsightsAdvice advice, MessageCatalogue catalogue) : ConsolePage
{
    public Insights.Insights? Report { get; private set; }

    public IReadOnlyList<Suggestion> Advice { get; private set; } = [];

    /// <summary>The language of the advice section (the browser's de/en).</summary>
    public string Language { get; private set; } = "de";

    public InsightsAdvice Wording => advice;

    public string Say(string key) => catalogue.Render("console", key, Language);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Language = RequestLanguage.Of(Request, null);
        Report = await report.BuildAsync(cancellationToken);
        Advice = advice.For(Report, Language);
    }
}
