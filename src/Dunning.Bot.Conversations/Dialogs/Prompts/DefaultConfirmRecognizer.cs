namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Recognizes yes/no words in German and English (folded: case and accents ignored). The answer's
/// language is tried first, then English. A text with both a yes and a no word is neither.
/// </summary>
public sealed class DefaultConfirmRecognizer : IConfirmRecognizer
{
    private static readonly Dictionary<string, (HashSet<string> Yes, HashSet<string> No)> Words = new(StringComparer.Ordinal)
    {
        ["en"] = (
            new(StringComparer.Ordinal) { "yes", "yeah", "yep", "yup", "y", "sure", "ok", "okay", "correct", "right", "agreed", "absolutely", "fine" },
            new(StringComparer.Ordinal) { "no", "nope", "nah", "n", "not", "never", "incorrect", "wrong" }),
        ["de"] = (
            new(StringComparer.Ordinal) { "ja", "jawohl", "jep", "jo", "klar", "gerne", "gern", "ok", "okay", "einverstanden", "stimmt", "richtig", "genau", "sicher", "passt" },
            new(StringComparer.Ordinal) { "nein", "nee", "ne", "no", "nicht", "niemals", "kein", "keine", "keinen", "falsch" }),
    };

    public static DefaultConfirmRecognizer Instance { get; } = new();

    public ValueTask<bool?> RecognizeAsync(string? text, string? locale, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Recognize(text, locale));

    /// <inheritdoc cref="IConfirmRecognizer.RecognizeAsync"/>
    public static bool? Recognize(string? text, string? locale)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > TextNormalizer.MaxRecognizedLength)
            return null;
        var tokens = TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var language = TurnErrorReply.LanguageOf(locale);
        if (Words.TryGetValue(language, out var own) && Decide(tokens, own) is { } answer)
            return answer;
        return language == "en" ? null : Decide(tokens, Words["en"]);
    }

    private static bool? Decide(string[] tokens, (HashSet<string> Yes, HashSet<string> No) words)
    {
        bool yes = false, no = false;
        foreach (var token in tokens)
        {
            yes |= words.Yes.Contains(token);
            no |= words.No.Contains(token);
        }
        return yes == no ? null : yes;
    }
}
