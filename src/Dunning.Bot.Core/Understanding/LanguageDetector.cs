namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Scores a message as German or English: words known to only one language count for it,
/// umlauts and ß count for German; a tie falls back to the conversation's language.
/// </summary>
internal static class LanguageDetector
{
    public static (string Language, int Margin) Detect(List<Token> tokens, bool hasUmlaut, LanguageModel de, LanguageModel en, string fallback)
    {
        var score = hasUmlaut ? 2 : 0;
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Word)
                continue;
            var inGerman = de.Vocabulary.Contains(Folding.GermanKey(token.Text));
            var inEnglish = en.Vocabulary.Contains(token.Text) || (token.Raw.Contains('\'', StringComparison.Ordinal) && en.Contractions.Count > 0);
            if (inGerman && !inEnglish)
                score++;
            else if (inEnglish && !inGerman)
                score--;
        }
        return score switch
        {
            > 0 => ("de", score),
            < 0 => ("en", -score),
            _ => (fallback, 0),
        };
    }
}
