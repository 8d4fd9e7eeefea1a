namespace Dunning.Bot.Conversations;

/// <summary>Runs the rest of the pipeline; a middleware that does not call it ends the turn there.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);
