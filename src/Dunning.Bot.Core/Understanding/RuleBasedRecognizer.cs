namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// The offline rules: language by word and letter evidence, intent by weighted phrases from
/// <see cref="UnderstandingData"/>, entities by <see cref="DateExtractor"/> and <see cref="NumberExtractor"/>.
/// Pure CPU, thread-safe, never throws for any text. <see cref="OfflineRecognizer"/> combines them with the
/// statistical model; alone they are what runs when no training data is given.
/// </summary>
public sealed partial class RuleBasedRecognizer(UnderstandingData data) : IMessageRecognizer, IAsyncMessageRecognizer
{
    /// <summary>Below this score no intent is trusted and the message is <see cref="Intent.Unknown"/>.</summary>
    public const double MinimumScore = 1.0;

    /// <summary>An off-topic message keeps its entities only if it is little more than them ("morgen", "am 5.12. dann").</summary>
    private const int MaxOtherWordsForBareEntities = 2;

    /// <inheritdoc />
    public MessageUnderstanding Recognize(string? text, RecognitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reading = Read(text, context);
        if (reading is null)
            return MessageUnderstanding.Nothing(context.FallbackLanguage == "de" ? "de" : "en");
        return reading.Injection
            ? MessageUnderstanding.Nothing(reading.Language) with { Confidence = 1 }
            : Finish(reading, reading.RuleIntent, reading.Confidence, context.Today);
    }

    /// <inheritdoc />
    public ValueTask<MessageUnderstanding> RecognizeAsync(string? text, RecognitionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Recognize(text, context));

    /// <summary>
    /// Reads a message with the rules; null for an empty or blank one. <paramref name="hint"/> is the statistical model's
    /// intent, if any: a period in months counts as instalments when either of them reads a request for instalments.
    /// </summary>
    internal RuleReading? Read(string? text, RecognitionContext context, Intent? hint = null)
    {
        var fallback = context.FallbackLanguage == "de" ? "de" : "en";
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var tokens = Tokenizer.Tokenize(text, out var hasUmlaut, out var isQuestion);
        var (language, margin) = LanguageDetector.Detect(tokens, hasUmlaut, data["de"], data["en"], fallback);
        var message = MessageAnalysis.Prepare(tokens, data[language], isQuestion);
        if (IsInjection(message, text))
            return Read(message, context.Today, hint) with { Injection = true };
        var reading = Read(message, context.Today, hint);
        if (reading.RuleIntent == Intent.Unknown && margin <= 1)
        {
            // A short message may be misjudged: try the other language's phrases too.
            var other = MessageAnalysis.Prepare(tokens, data[language == "de" ? "en" : "de"], isQuestion);
            var second = Read(other, context.Today, hint);
            if (second.RuleIntent != Intent.Unknown && !IsInjection(other, text))
                return second;
        }
        return reading;
    }

    private static bool IsInjection(MessageAnalysis message, string text)
    {
        if (message.Model.Injection.Any(message.Words))
            return true;
        var head = text.Length > Tokenizer.MaxChars ? text[..Tokenizer.MaxChars] : text;
        foreach (var marker in message.Model.InjectionMarkers)
        {
            if (head.Contains(marker, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
