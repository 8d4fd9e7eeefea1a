using System.Globalization;

namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Recognizes a choice by its number in the list ("2", "2."), by its value or a synonym (exact, folded
/// with <see cref="TextNormalizer"/>: case and accent insensitive), or by a value/synonym that appears as
/// whole words in a longer answer ("I'll take the transfer, please"). Ambiguous answers match nothing.
/// </summary>
public sealed class DefaultChoiceRecognizer : IChoiceRecognizer
{
    public static DefaultChoiceRecognizer Instance { get; } = new();

    public ValueTask<FoundChoice?> RecognizeAsync(string? text, IReadOnlyList<Choice> choices, string? locale, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Recognize(text, choices));

    /// <inheritdoc cref="IChoiceRecognizer.RecognizeAsync"/>
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.IsNullOrWhiteSpace(text) || text.Length > TextNormalizer.MaxRecognizedLength || choices.Count == 0)
            return null;
        var input = TextNormalizer.Normalize(text);
        if (input.Length == 0)
            return null;

        if (int.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number >= 1 && number <= choices.Count ? new FoundChoice(choices[number - 1].Value, number - 1, 1.0) : null;

        FoundChoice? best = null;
        var bestLength = 0;
        var ambiguous = false;
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var (exact, length, synonym) = Match(input, choice);
            if (exact)
                return new FoundChoice(choice.Value, i, 1.0, synonym);
            if (length == 0)
                continue;
            if (length > bestLength)
            {
                best = new FoundChoice(choice.Value, i, Math.Round((double)length / input.Length, 2), synonym);
                bestLength = length;
                ambiguous = false;
            }
            else if (length == bestLength && best is not null && best.Index != i)
            {
                ambiguous = true;
            }
        }
        return ambiguous ? null : best;
    }

    private static (bool Exact, int Length, string? Synonym) Match(string input, Choice choice)
    {
        var longest = 0;
        string? matchedSynonym = null;
        var value = TextNormalizer.Normalize(choice.Value);
        if (value == input)
            return (true, value.Length, null);
        if (TextNormalizer.ContainsWords(input, value))
            longest = value.Length;
        if (choice.Synonyms is { } synonyms)
        {
            foreach (var synonym in synonyms)
            {
                var folded = TextNormalizer.Normalize(synonym);
                if (folded == input)
                    return (true, folded.Length, synonym);
                if (folded.Length > longest && TextNormalizer.ContainsWords(input, folded))
                {
                    longest = folded.Length;
                    matchedSynonym = synonym;
                }
            }
        }
        return (false, longest, matchedSynonym);
    }
}
