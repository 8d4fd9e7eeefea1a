namespace Dunning.Bot.Conversations;

/// <summary>Runs middleware in order, then the bot callback; any middleware may short-circuit.</summary>
public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    public int Count => _middleware.Count;

    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Runs the middleware and then <paramref name="callback"/> (if no middleware short-circuited).</summary>
    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken) =>
        RunAsync(0, turnContext, callback, cancellationToken);

    Task IMiddleware.OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken) =>
        RunAsync(0, turnContext, (context, token) => next(token), cancellationToken);

    private Task RunAsync(int index, ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
            return callback is null ? Task.CompletedTask : callback(turnContext, cancellationToken);
        return _middleware[index].OnTurnAsync(
            turnContext,
            token => RunAsync(index + 1, turnContext, callback, token),
            cancellationToken);
    }
}
