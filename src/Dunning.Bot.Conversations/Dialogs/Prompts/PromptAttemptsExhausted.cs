namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// The result of a prompt that ran out of <see cref="PromptOptions.MaxAttempts"/>: check
/// <c>stepContext.Result is PromptAttemptsExhausted</c> in the next step and escalate.
/// </summary>
public sealed record PromptAttemptsExhausted(string PromptId, int Attempts);
