namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>, shown in <see cref="Style"/>
/// (or the options' style); recognizes through an <see cref="IChoiceRecognizer"/> (by default: number,
/// value or synonym). Ends with a <see cref="FoundChoice"/>.
/// </summary>
public class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, IChoiceRecognizer? recognizer = null)
    : Prompt<FoundChoice>(dialogId, validator)
{
    private readonly IChoiceRecognizer _recognizer = recognizer ?? DefaultChoiceRecognizer.Instance;

    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>The locale used when the activity has none.</summary>
    public string DefaultLocale { get; set; } = "en";

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(ChoiceFactory.Render(PromptFor(options, isRetry), options.Choices ?? [], options.Style ?? Style), cancellationToken);
    }

    protected override async Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = await _recognizer.RecognizeAsync(turnContext.Activity.Text, options.Choices ?? [], turnContext.Activity.Locale ?? DefaultLocale, cancellationToken);
        return found is null ? PromptRecognizerResult<FoundChoice>.Failed : new PromptRecognizerResult<FoundChoice>(true, found);
    }
}
