namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Scores every intent by the phrases of one language that match a message. A phrase
/// preceded by a negation in its clause (within two words) or spanning one in a gap does
/// not count unless the phrase itself contains the negation ("nicht bestellt").
/// </summary>
internal sealed class IntentScores
{
    private const int NegationReach = 2;

    private static readonly IReadOnlySet<Intent> NoneDenied = System.Collections.Frozen.FrozenSet<Intent>.Empty;

    // Enum.GetValues allocates a fresh array on every call: count once (IntentClassifier.Classes).
    private readonly double[] best = new double[IntentClassifier.Classes];
    private readonly double[] sum = new double[IntentClassifier.Classes];
    private readonly bool[] negated = new bool[IntentClassifier.Classes];

    public static IntentScores Score(MessageAnalysis message)
    {
        var scores = new IntentScores();
        foreach (var match in message.Model.Intents.Matches(message.Words))
        {
            if (!IntentNames.TryParse(match.Pattern.Payload, out var intent))
                continue;
            if (!match.Pattern.HasNegation && IsNegated(message, match))
            {
                scores.negated[(int)intent.Value] = true;
                continue;
            }
            var i = (int)intent.Value;
            scores.best[i] = Math.Max(scores.best[i], match.Pattern.Weight);
            scores.sum[i] += match.Pattern.Weight;
        }
        return scores;
    }

    /// <summary>
    /// True when a phrase of <paramref name="intent"/> stood negated in the message and no phrase of it stood
    /// plainly: "ich habe NICHT bezahlt" denies claim_paid, whatever a model makes of the words.
    /// </summary>
    public bool IsDenied(Intent intent) => negated[(int)intent] && sum[(int)intent] == 0;

    /// <summary>Every intent <see cref="IsDenied"/>; most messages deny none, and then share one empty set.</summary>
    public IReadOnlySet<Intent> Denied()
    {
        HashSet<Intent>? denied = null;
        for (var i = 0; i < negated.Length; i++)
        {
            if (IsDenied((Intent)i))
                (denied ??= []).Add((Intent)i);
        }
        return denied ?? NoneDenied;
    }

    /// <summary>The strongest phrase plus a little for each further piece of evidence.</summary>
    public double this[Intent intent] => best[(int)intent] + 0.25 * (sum[(int)intent] - best[(int)intent]);

    public void Boost(Intent intent, double amount)
    {
        best[(int)intent] += amount;
        sum[(int)intent] += amount;
    }

    /// <summary>The intent of the first precise phrase in the message that is not negated, if any.</summary>
    public static Intent? Precise(MessageAnalysis message)
    {
        foreach (var match in message.Model.Precise.Matches(message.Words))
        {
            if ((match.Pattern.HasNegation || !IsNegated(message, match)) && IntentNames.TryParse(match.Pattern.Payload, out var intent))
                return intent;
        }
        return null;
    }

    public (Intent Intent, double Score, double Runner) Best()
    {
        var winner = Intent.Unknown;
        double top = 0, second = 0;
        foreach (var intent in TieOrder)
        {
            var score = this[intent];
            if (score > top)
            {
                second = top;
                top = score;
                winner = intent;
            }
            else if (score > second)
                second = score;
        }
        return (winner, top, second);
    }

    // On equal scores a request beats small talk: "Hallo, wie viel ist offen?" asks for the amount.
    private static readonly Intent[] TieOrder =
    [
        Intent.Dispute, Intent.Hardship, Intent.StopContact, Intent.RequestHuman, Intent.ClaimPaid,
        Intent.RequestInstalments, Intent.RequestDeferral, Intent.PromiseToPay, Intent.AskConsequences, Intent.AskAgreement,
        Intent.RequestInvoiceCopy, Intent.AskPaymentDetails, Intent.AskInvoiceDetails, Intent.AskDueDate,
        Intent.AskAgreement, Intent.AskAmount, Intent.Deny, Intent.Affirm, Intent.Thanks, Intent.Greeting,
    ];

    internal static bool IsNegated(MessageAnalysis message, PhraseMatch match)
    {
        var negations = message.Model.Negations;
        var clause = message.ClauseOf(match.Start);
        for (var k = Math.Max(0, match.Start - NegationReach); k < match.Start; k++)
        {
            if (negations.Contains(message.Words[k]) && message.ClauseOf(k) == clause)
                return true;
        }
        if (match.GapStart >= 0)
        {
            for (var k = match.GapStart; k < match.End; k++)
            {
                if (negations.Contains(message.Words[k]))
                    return true;
            }
        }
        return false;
    }
}
