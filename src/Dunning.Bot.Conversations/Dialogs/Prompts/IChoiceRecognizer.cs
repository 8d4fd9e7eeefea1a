namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>Finds which of the offered choices the user meant. Core plugs in its own understanding.</summary>
public interface IChoiceRecognizer
{
    /// <summary>The chosen option, or null when none (or more than one) fits.</summary>
    ValueTask<FoundChoice?> RecognizeAsync(string? text, IReadOnlyList<Choice> choices, string? locale, CancellationToken cancellationToken);
}
