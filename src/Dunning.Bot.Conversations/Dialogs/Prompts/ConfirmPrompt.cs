namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question and ends with a bool. Shows two choices labelled per language
/// (<see cref="ChoiceLabels"/>, defaults "Ja"/"Nein" and "Yes"/"No", replaceable), recognizes yes/no words
/// through an <see cref="IConfirmRecognizer"/> and, failing that, the labels or their numbers (1 = yes).
/// </summary>
public class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, IConfirmRecognizer? recognizer = null)
    : Prompt<bool>(dialogId, validator)
{
    private readonly IConfirmRecognizer _recognizer = recognizer ?? DefaultConfirmRecognizer.Instance;
    private LabelChoiceCache? _labelChoices;

    /// <summary>Button labels per two-letter language; the entry for <see cref="DefaultLocale"/>'s language is the fallback.</summary>
    public IDictionary<string, (string Yes, string No)> ChoiceLabels { get; } =
        new Dictionary<string, (string Yes, string No)>(StringComparer.OrdinalIgnoreCase)
        {
            ["de"] = ("Ja", "Nein"),
            ["en"] = ("Yes", "No"),
        };

    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>The locale used when the activity has none.</summary>
    public string DefaultLocale { get; set; } = "en";

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(ChoiceFactory.Render(PromptFor(options, isRetry), options.Choices ?? LabelChoices(turnContext), options.Style ?? Style), cancellationToken);
    }

    protected override async Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = turnContext.Activity.Text;
        var answer = await _recognizer.RecognizeAsync(text, Locale(turnContext), cancellationToken);
        if (answer is { } yesNo)
            return new PromptRecognizerResult<bool>(true, yesNo);
        var choice = DefaultChoiceRecognizer.Recognize(text, options.Choices ?? LabelChoices(turnContext));
        // Only an exact label or its number counts: "ja nein" must not pick the longer label.
        return choice is null || choice.Score < 1.0 || choice.Index > 1
            ? PromptRecognizerResult<bool>.Failed
            : new PromptRecognizerResult<bool>(true, choice.Index == 0);
    }

    private string Locale(ITurnContext turnContext) => turnContext.Activity.Locale ?? DefaultLocale;

    private List<Choice> LabelChoices(ITurnContext turnContext)
    {
        if (!ChoiceLabels.TryGetValue(TurnErrorReply.LanguageOf(Locale(turnContext)), out var labels)
            && !ChoiceLabels.TryGetValue(TurnErrorReply.LanguageOf(DefaultLocale), out labels))
            throw new InvalidOperationException($"ConfirmPrompt '{Id}' has no labels for '{Locale(turnContext)}' or '{DefaultLocale}'.");
        // The labels may be replaced at any time; the choices made from the last pair are reused while it stays.
        var cached = _labelChoices;
        if (cached is not null && cached.Labels == labels)
            return cached.Choices;
        List<Choice> choices = [new Choice(labels.Yes), new Choice(labels.No)];
        _labelChoices = new LabelChoiceCache(labels, choices);
        return choices;
    }

    private sealed record LabelChoiceCache((string Yes, string No) Labels, List<Choice> Choices);
}
