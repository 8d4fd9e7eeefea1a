namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>What a prompt asks and how it retries. Persisted with the prompt's instance state.</summary>
public sealed class PromptOptions
{
    /// <summary>The question. Sent as a copy; the stored activity is never changed.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Sent after input that was not recognized or not valid; <see cref="Prompt"/> is repeated when null.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>The choices of a <see cref="ChoicePrompt"/>.</summary>
    public List<Choice>? Choices { get; set; }

    /// <summary>How choices are shown; the prompt's own <c>Style</c> applies when null.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Free data for the validator (e.g. a range); raw JSON after a reload.</summary>
    public object? Validations { get; set; }

    /// <summary>
    /// How many user answers the prompt takes at most. When the last allowed answer is still not valid,
    /// the prompt ends (no retry is sent) with a <see cref="PromptAttemptsExhausted"/> result, so the
    /// calling dialog can escalate. Null means unlimited.
    /// </summary>
    public int? MaxAttempts { get; set; }
}
