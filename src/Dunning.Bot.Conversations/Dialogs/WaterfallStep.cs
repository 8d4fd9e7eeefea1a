namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>One step of a <see cref="WaterfallDialog"/>: ask, prompt, begin a child, or end.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);
