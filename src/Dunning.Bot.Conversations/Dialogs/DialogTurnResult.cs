namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>The outcome of running the dialog stack: a status and, when complete, the result.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
