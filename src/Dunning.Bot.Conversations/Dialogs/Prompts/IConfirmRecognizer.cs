namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>Understands yes or no. Core plugs in its own understanding.</summary>
public interface IConfirmRecognizer
{
    /// <summary>True for yes, false for no, null when the text is neither (or both).</summary>
    ValueTask<bool?> RecognizeAsync(string? text, string? locale, CancellationToken cancellationToken);
}
