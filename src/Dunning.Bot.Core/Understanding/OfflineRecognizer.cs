namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// The offline recognizer the bot uses everywhere: the rules (<see cref="RuleBasedRecognizer"/>) and the statistical
/// intent model (<see cref="IntentClassifier"/>, trained from <c>dialogs/training</c>) combined by
/// <see cref="IntentArbiter"/>. The rules always read the entities; the intent comes from the rules where they are
/// precise, from the model where the rules are unsure or find nothing, and is <see cref="Intent.Unknown"/> (the
/// dialog asks again, then offers a person) when neither is confident. Without training data it is the rules alone.
/// Pure CPU, thread-safe, never throws for any text.
/// </summary>
public sealed class OfflineRecognizer(UnderstandingData data) : IMessageRecognizer, IAsyncMessageRecognizer
{
    private readonly RuleBasedRecognizer rules = new(data);

    /// <inheritdoc />
    public MessageUnderstanding Recognize(string? text, RecognitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var guess = data.Classifier?.Predict(text ?? "");
        var reading = rules.Read(text, context, guess?.Intent);
        if (reading is null)
            return MessageUnderstanding.Nothing(context.FallbackLanguage == "de" ? "de" : "en");
        if (reading.Injection)
            return MessageUnderstanding.Nothing(reading.Language) with { Confidence = 1 };
        if (guess is not { } model)
            return RuleBasedRecognizer.Finish(reading, reading.RuleIntent, reading.Confidence, context.Today);
        var (intent, confidence) = IntentArbiter.Decide(reading, model);
        return RuleBasedRecognizer.Finish(reading, intent, intent == Intent.Unknown ? 0 : confidence, context.Today);
    }

    /// <inheritdoc />
    public ValueTask<MessageUnderstanding> RecognizeAsync(string? text, RecognitionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Recognize(text, context));
}
