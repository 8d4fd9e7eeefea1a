using System.Numerics;

namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Asks for a number of type <typeparamref name="T"/> (e.g. <c>int</c>, <c>decimal</c>), recognized by an
/// <see cref="INumberRecognizer"/>. A value that does not fit the type (a fraction for an integer type,
/// or out of range) is not recognized.
/// </summary>
public class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null, INumberRecognizer? recognizer = null)
    : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    private readonly INumberRecognizer _recognizer = recognizer ?? DefaultNumberRecognizer.Instance;

    /// <summary>The locale used when the activity has none.</summary>
    public string DefaultLocale { get; set; } = "en";

    protected override async Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var number = await _recognizer.RecognizeAsync(turnContext.Activity.Text, turnContext.Activity.Locale ?? DefaultLocale, cancellationToken);
        if (number is not { } value)
            return PromptRecognizerResult<T>.Failed;
        try
        {
            var converted = T.CreateChecked(value);
            return decimal.CreateChecked(converted) == value
                ? new PromptRecognizerResult<T>(true, converted)
                : PromptRecognizerResult<T>.Failed;
        }
        catch (OverflowException)
        {
            return PromptRecognizerResult<T>.Failed;
        }
    }
}
