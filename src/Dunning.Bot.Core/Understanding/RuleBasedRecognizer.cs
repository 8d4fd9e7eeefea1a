namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// The offline rules: language by word and letter evidence, intent by weighted phrases from
/// <see cref="UnderstandingData"/>, entities by <see cref="DateExtractor"/> and <see cref="NumberExtractor"/>.
/// Pure CPU, thread-safe, never throws for any text. <see cref="OfflineRecognizer"/> combines them with the
/// statistical model; alone they are what runs when no training data is given.
/// </summary>
public sealed class RuleBasedRecognizer(UnderstandingData data) : IMessageRecognizer, IAsyncMessageRecognizer
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

    private static RuleReading Read(MessageAnalysis message, DateOnly today, Intent? hint)
    {
        var model = message.Model;
        // Dates first: in "paid the invoice on 3 November" the 3 is a day, not an invoice number.
        var mention = DateExtractor.Extract(message, today);
        var invoices = NumberExtractor.InvoiceNumbers(message);
        var markedTense = model.PastMarkers.Any(message.Words) ? Tense.Past
            : model.FutureMarkers.Any(message.Words) ? Tense.Future : Tense.Neutral;
        var tentativeDate = mention?.Resolve(today, markedTense == Tense.Neutral ? Tense.Future : markedTense);
        var scores = IntentScores.Score(message);
        var asksPermission = model.Permission.Any(message.Words);
        var periodCounts = scores[Intent.RequestInstalments] > 0 || hint == Intent.RequestInstalments;
        var instalments = NumberExtractor.Instalments(message, periodCounts);
        ApplyPriorityRules(scores, tentativeDate, today, asksPermission, instalments, markedTense);

        var (intent, top, runner) = scores.Best();
        if (top < MinimumScore)
            intent = Intent.Unknown;
        var precise = IntentScores.Precise(message);
        if (precise is { } settled)
            (intent, top) = (settled, Math.Max(top, scores[settled]));
        var amount = NumberExtractor.Amount(message);
        var denied = scores.Denied();
        return new RuleReading(message, mention, markedTense, amount, instalments, invoices, intent, top, runner, precise, denied, Injection: false);
    }

    /// <summary>
    /// The result for the chosen <paramref name="intent"/>: its tense settles the date ("am Freitag" is last Friday
    /// for a payment made, next Friday for a promise), a bare number counts as an amount only where money is the
    /// subject, and a message understood as nothing keeps its entities only when it is little more than them.
    /// </summary>
    internal static MessageUnderstanding Finish(RuleReading reading, Intent intent, double confidence, DateOnly today)
    {
        var tense = intent switch
        {
            Intent.ClaimPaid => Tense.Past,
            Intent.PromiseToPay or Intent.RequestDeferral or Intent.RequestInstalments => Tense.Future,
            // "Is the due date 12/15 or did I misread that?": a question about a deadline takes the nearest reading.
            Intent.AskDueDate or Intent.AskAgreement => Tense.Neutral,
            _ => reading.MarkedTense,
        };
        var date = reading.Mention?.Resolve(today, tense);
        var amount = reading.Amount;
        if (amount is { Currency: null } && !TakesBareAmount(intent))
            amount = null;
        var instalments = reading.Instalments;
        if (intent == Intent.Unknown && OtherWords(reading.Message) > MaxOtherWordsForBareEntities)
        {
            date = null;
            amount = null;
            instalments = null;
        }
        return new MessageUnderstanding(intent, reading.Language, confidence, date, amount?.Value, amount?.Currency, instalments, reading.InvoiceNumbers);
    }

    private static void ApplyPriorityRules(IntentScores scores, DateOnly? date, DateOnly today, bool asksPermission, int? instalments, Tense tense)
    {
        var futureDate = date is { } d && d >= today && tense != Tense.Past;
        // "Kann ich am 15. zahlen?" asks for time; "Ich zahle am 15." promises it.
        if (futureDate && asksPermission)
            scores.Boost(Intent.RequestDeferral, 2);
        else if (futureDate && !asksPermission && scores[Intent.PromiseToPay] > 0)
            scores.Boost(Intent.PromiseToPay, 1);
        if (date is { } past && past < today && scores[Intent.ClaimPaid] > 0)
            scores.Boost(Intent.ClaimPaid, 1);
        if (instalments is not null)
            scores.Boost(Intent.RequestInstalments, 2);
    }

    private static bool TakesBareAmount(Intent intent) => intent is Intent.ClaimPaid or Intent.PromiseToPay
        or Intent.RequestInstalments or Intent.Dispute or Intent.RequestDeferral or Intent.AskAmount or Intent.Hardship or Intent.AskAgreement;

    private static int OtherWords(MessageAnalysis message)
    {
        var count = 0;
        for (var i = 0; i < message.Words.Count; i++)
        {
            if (!message.Consumed[i] && message.TokenAt(i).Kind == TokenKind.Word)
                count++;
        }
        return count;
    }
}
