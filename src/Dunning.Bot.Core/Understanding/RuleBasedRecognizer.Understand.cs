namespace Dunning.Bot.Core.Understanding;

public sealed partial class RuleBasedRecognizer
{
    private static MessageUnderstanding Understand(MessageAnalysis message, DateOnly today)
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
        var periodCounts = scores[Intent.RequestInstalments] > 0;
        var instalments = NumberExtractor.Instalments(message, periodCounts);
        ApplyPriorityRules(scores, tentativeDate, today, asksPermission, instalments, markedTense);

        var (intent, top, runner) = scores.Best();
        if (top < MinimumScore)
            intent = Intent.Unknown;
        var confidence = intent == Intent.Unknown ? 0 : Math.Round(top / (top + runner) * Math.Min(1, top / 2), 3);

        var tense = intent switch
        {
            Intent.ClaimPaid => Tense.Past,
            Intent.PromiseToPay or Intent.RequestDeferral or Intent.RequestInstalments => Tense.Future,
            _ => markedTense,
        };
        var date = mention?.Resolve(today, tense);
        var amount = NumberExtractor.Amount(message);
        if (amount is { Currency: null } && !TakesBareAmount(intent))
            amount = null;
        if (intent == Intent.Unknown && OtherWords(message) > MaxOtherWordsForBareEntities)
        {
            date = null;
            amount = null;
            instalments = null;
        }
        return new MessageUnderstanding(intent, model.Code, confidence, date, amount?.Value, amount?.Currency, instalments, invoices);
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
        or Intent.RequestInstalments or Intent.Dispute or Intent.RequestDeferral;

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
