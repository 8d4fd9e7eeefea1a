namespace Dunning.Bot.Conversations.State;

/// <summary>Saves the given states after the rest of the turn ran without throwing.</summary>
public sealed class AutoSaveStateMiddleware(params BotState[] states) : IMiddleware
{
    private readonly BotState[] _states = states ?? throw new ArgumentNullException(nameof(states));

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken);
        foreach (var state in _states)
            await state.SaveChangesAsync(turnContext, false, cancellationToken);
    }
}
