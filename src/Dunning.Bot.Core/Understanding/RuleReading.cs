namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// What the rules read in one message before an intent is chosen: the prepared words, the entity mentions, the
/// tense the words mark, and the rules' own best intent with its score and the runner-up's. The date, and whether a
/// bare amount counts, are settled only once the intent is final (<see cref="RuleBasedRecognizer.Finish"/>), so a
/// statistical model can choose the intent and the entities still follow it. <see cref="Precise"/> is the intent of a
/// precise phrase (<c>precise:</c> in the data file), which no model overrides; <see cref="Denied"/> are the intents
/// whose phrases the message negates ("I have NOT paid"), which no model may read into it.
/// </summary>
internal sealed record RuleReading(
    MessageAnalysis Message,
    DateMention? Mention,
    Tense MarkedTense,
    AmountMention? Amount,
    int? Instalments,
    IReadOnlyList<string> InvoiceNumbers,
    Intent RuleIntent,
    double Score,
    double Runner,
    Intent? Precise,
    IReadOnlySet<Intent> Denied,
    bool Injection)
{
    public string Language => Message.Model.Code;

    /// <summary>The rules' confidence: how clearly their best intent won, damped for weak evidence.</summary>
    public double Confidence => RuleIntent == Intent.Unknown ? 0 : Math.Round(Score / (Score + Runner) * Math.Min(1, Score / 2), 3);
}
