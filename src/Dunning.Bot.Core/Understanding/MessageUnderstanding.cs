namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// What one message means: its language, intent and entities. Entities are what the debtor
/// wrote, resolved against <see cref="RecognitionContext.Today"/>; they are claims to be
/// checked by the policies, never permissions.
/// </summary>
/// <param name="Intent">The intent; <see cref="Intent.Unknown"/> when nothing fits.</param>
/// <param name="Language">"de" or "en".</param>
/// <param name="Confidence">0..1; how clearly the intent won over the others.</param>
/// <param name="Date">The date the debtor named (a promise, a payment already made, a requested deadline).</param>
/// <param name="Amount">A sum of money the debtor named, without its currency.</param>
/// <param name="Currency">The ISO 4217 code of <paramref name="Amount"/> when the message named one, else null.</param>
/// <param name="Instalments">A number of instalments ("in 3 Raten", "half now, the rest later" = 2).</param>
/// <param name="InvoiceNumbers">Invoice or reference numbers as written (upper-cased), e.g. "RE-2026-0042".</param>
public sealed record MessageUnderstanding(
    Intent Intent,
    string Language,
    double Confidence,
    DateOnly? Date,
    decimal? Amount,
    string? Currency,
    int? Instalments,
    IReadOnlyList<string> InvoiceNumbers)
{
    /// <summary>The result for a message that means nothing recognisable.</summary>
    public static MessageUnderstanding Nothing(string language) =>
        new(Intent.Unknown, language, 0, null, null, null, null, []);
}
