namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Asks for a calendar date, recognized by an <see cref="IDateRecognizer"/>. "Today" is taken from the
/// injected <see cref="TimeProvider"/> in the user's offset (the activity's <c>localTimestamp</c>), or UTC.
/// </summary>
public class DatePrompt(string dialogId, TimeProvider timeProvider, PromptValidator<DateOnly>? validator = null, IDateRecognizer? recognizer = null)
    : Prompt<DateOnly>(dialogId, validator)
{
    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    private readonly IDateRecognizer _recognizer = recognizer ?? DefaultDateRecognizer.Instance;

    /// <summary>The locale used when the activity has none.</summary>
    public string DefaultLocale { get; set; } = "en";

    protected override async Task<PromptRecognizerResult<DateOnly>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var offset = turnContext.Activity.LocalTimestamp?.Offset ?? TimeSpan.Zero;
        var today = DateOnly.FromDateTime(_timeProvider.GetUtcNow().ToOffset(offset).DateTime);
        var date = await _recognizer.RecognizeAsync(turnContext.Activity.Text, turnContext.Activity.Locale ?? DefaultLocale, today, cancellationToken);
        return date is { } value ? new PromptRecognizerResult<DateOnly>(true, value) : PromptRecognizerResult<DateOnly>.Failed;
    }
}
