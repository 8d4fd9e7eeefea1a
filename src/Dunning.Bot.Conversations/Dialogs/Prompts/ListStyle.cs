namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>How a prompt shows its choices.</summary>
public enum ListStyle
{
    /// <summary>Not at all (the prompt text lists them itself).</summary>
    None,

    /// <summary>Buttons when there are few short choices (≤ 10, titles ≤ 20 characters), else a numbered list.</summary>
    Auto,

    /// <summary>A numbered list appended to the prompt text ("1. …").</summary>
    List,

    /// <summary>Suggested actions (quick-reply buttons) that send the choice back as text.</summary>
    SuggestedAction,
}
