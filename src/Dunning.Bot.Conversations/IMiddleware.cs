namespace Dunning.Bot.Conversations;

/// <summary>
/// A step of the turn pipeline that needs nothing of the bot's own state (Dunning.Bot uses one: the transcript log).
/// Runs before the bot, in the order added with <see cref="BotAdapter.Use"/>; calls <c>next</c> to continue or
/// returns without calling it to short-circuit the turn (the bot then does not run). The takeover check and the
/// global commands need the conversation's link and debtor, so they are not middleware: they live in Core's
/// interruption layer (<c>Dunning.Bot.Core.Dialogs.Interruptions</c>), which every turn passes before any dialog.
/// </summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}
