namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Decides the intent from the rules' reading and the statistical model's guess:
/// <list type="number">
/// <item>A precise rule wins: a phrase of the data file's <c>precise:</c> section (an opt-out, a request for a person).
/// A confident model never overrides it. (Prompt injection is refused before the arbiter is asked.) Phrase scores
/// alone are no precise rule: measured on blind messages, where a strong phrase score and a confident model
/// disagreed the model was right 56 times out of 63.</item>
/// <item>A message of which the model knows no feature at all ("zzz") is left to the rules.</item>
/// <item>The model may not read an intent into a message that negates its phrases ("ich habe NICHT bezahlt" is no
/// claim_paid): its runner-up is taken instead.</item>
/// <item>A promise or request for time that the rules read as a plan of two or more parts is a request for instalments.</item>
/// <item>Otherwise a confident model decides (probability at least <see cref="ArbiterSettings.TrustModel"/>).</item>
/// <item>Otherwise an unsure rule stands where the model half agrees (the rule's intent is the model's first or second choice).</item>
/// <item>Otherwise the model's guess stands when it is at least <see cref="ArbiterSettings.AcceptModel"/>.</item>
/// <item>Otherwise nothing is understood: the dialog asks again and then offers a person — never a wrong action.</item>
/// </list>
/// The thresholds were chosen on messages neither the rules nor the model had seen (docs/wording-and-understanding.md).
/// </summary>
internal static class IntentArbiter
{
    public static ArbiterSettings Settings { get; } = new(TrustModel: 0.7, AcceptModel: 0.4);

    public static (Intent Intent, double Confidence) Decide(RuleReading reading, IntentGuess guess) =>
        Decide(reading, guess, Settings);

    public static (Intent Intent, double Confidence) Decide(RuleReading reading, IntentGuess guess, ArbiterSettings settings)
    {
        var rule = reading.RuleIntent;
        var ruleConfidence = reading.Confidence;
        if (reading.Precise is { } precise)
            return (precise, 1);
        if (guess == IntentGuess.None)
            return (rule, rule == Intent.Unknown ? 0 : ruleConfidence);
        if (reading.Denied.Contains(guess.Intent))
            guess = reading.Denied.Contains(guess.Runner) ? guess with { Probability = 0, RunnerProbability = 0 }
                : new IntentGuess(guess.Runner, guess.RunnerProbability, guess.Intent, 0);
        if (guess.Probability >= settings.TrustModel)
            return (AsPlan(reading, guess.Intent), Math.Round(guess.Probability, 3));
        if (rule != Intent.Unknown && (guess.Intent == rule || guess.Runner == rule))
            return (rule, Math.Round(Math.Max(ruleConfidence, guess.Intent == rule ? guess.Probability : guess.RunnerProbability), 3));
        if (guess.Probability >= settings.AcceptModel)
            return (AsPlan(reading, guess.Intent), Math.Round(guess.Probability, 3));
        return (Intent.Unknown, 0);
    }

    /// <summary>
    /// A promise or a request for time that names two or more parts ("100 € sofort und der Rest nach dem Gehalt",
    /// "in 3 Raten") proposes a plan: the rules read its parts precisely, so it is a request for instalments.
    /// </summary>
    private static Intent AsPlan(RuleReading reading, Intent intent) =>
        intent is Intent.PromiseToPay or Intent.RequestDeferral && reading.Instalments is >= 2 && reading.RuleIntent == Intent.RequestInstalments
            ? Intent.RequestInstalments
            : intent;
}

/// <summary>The thresholds of <see cref="IntentArbiter"/>.</summary>
/// <param name="TrustModel">From this probability on, the model decides where the rules are not precise.</param>
/// <param name="AcceptModel">From this probability on, the model's guess stands when the rules have nothing that agrees.</param>
internal sealed record ArbiterSettings(double TrustModel, double AcceptModel);
