namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// A message prepared for one language: <see cref="Words"/> are matching keys (contractions
/// expanded, replacements applied, typos corrected), each pointing back to its token.
/// </summary>
internal sealed class MessageAnalysis
{
    private MessageAnalysis(LanguageModel model, List<Token> tokens, List<string> words, List<int> tokenOf, bool isQuestion)
    {
        Model = model;
        Tokens = tokens;
        Words = words;
        TokenOf = tokenOf;
        IsQuestion = isQuestion;
        Consumed = new bool[words.Count];
    }

    public LanguageModel Model { get; }

    public List<Token> Tokens { get; }

    public List<string> Words { get; }

    /// <summary>For each word, the index of the token it came from.</summary>
    public List<int> TokenOf { get; }

    public bool IsQuestion { get; }

    /// <summary>Words already taken by an entity (a date's day number is no amount).</summary>
    public bool[] Consumed { get; }

    public Token TokenAt(int word) => Tokens[TokenOf[word]];

    public int ClauseOf(int word) => Tokens[TokenOf[word]].Clause;

    public static MessageAnalysis Prepare(List<Token> tokens, LanguageModel model, bool isQuestion)
    {
        var words = new List<string>(tokens.Count + 4);
        var tokenOf = new List<int>(tokens.Count + 4);
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Kind != TokenKind.Word)
            {
                words.Add(token.Kind == TokenKind.Mixed ? token.Text : token.Raw.Length > 0 ? token.Raw : token.Text);
                tokenOf.Add(t);
                continue;
            }
            foreach (var word in Expand(token, model))
            {
                words.Add(word);
                tokenOf.Add(t);
            }
        }
        return new MessageAnalysis(model, tokens, words, tokenOf, isQuestion);
    }

    private static IEnumerable<string> Expand(Token token, LanguageModel model)
    {
        var raw = token.Raw;
        var apostrophe = raw.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe > 0 && model.Contractions.Count > 0)
        {
            var head = Folding.Fold(raw[..apostrophe], keepHyphens: false);
            var tail = raw[(apostrophe + 1)..];
            // "doesn't" → "does" + "not"; "won't" and "can't" come from the replacements table.
            if (tail == "t" && head.EndsWith('n') && model.Contractions.TryGetValue("n't", out var not)
                && !model.Replacements.ContainsKey(head + "t"))
            {
                yield return Normalize(head[..^1], model);
                yield return not;
                yield break;
            }
            if (model.Contractions.TryGetValue("'" + tail, out var expansion))
            {
                yield return Normalize(head, model);
                yield return expansion;
                yield break;
            }
        }
        var key = model.Key(token.Text);
        if (model.Replacements.TryGetValue(key, out var replaced))
        {
            foreach (var word in replaced)
                yield return word;
            yield break;
        }
        yield return Correct(key, model);
    }

    private static string Normalize(string folded, LanguageModel model) => Correct(model.Key(folded), model);

    private static string Correct(string key, LanguageModel model)
    {
        if (key.Length < TypoIndex.MinLength || model.Vocabulary.Contains(key))
            return key;
        return model.Typos.Correct(key) ?? key;
    }
}
