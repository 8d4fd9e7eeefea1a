namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>Finds the number in a user's text. Core plugs in its own understanding (amounts, words).</summary>
public interface INumberRecognizer
{
    /// <summary>The number, or null when there is none or more than one.</summary>
    ValueTask<decimal?> RecognizeAsync(string? text, string? locale, CancellationToken cancellationToken);
}
