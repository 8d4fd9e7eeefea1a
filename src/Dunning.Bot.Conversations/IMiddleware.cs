namespace Dunning.Bot.Conversations;

/// <summary>
/// A step of the turn pipeline (transcript log, takeover check, interruptions). Runs before the bot,
/// in the order added with <see cref="BotAdapter.Use"/>; calls <c>next</c> to continue or
/// returns without calling it to short-circuit the turn (the bot then does not run).
/// </summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}
