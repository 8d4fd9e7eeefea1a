namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Decides whether the recognized value is acceptable (it may also reject unrecognized input or accept
/// it after all). A validator that sends its own message suppresses the automatic retry prompt.
/// </summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
