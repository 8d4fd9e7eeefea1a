namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>What a prompt understood from the user's activity.</summary>
public readonly record struct PromptRecognizerResult<T>(bool Succeeded, T? Value)
{
    public static PromptRecognizerResult<T> Failed => new(false, default);
}
