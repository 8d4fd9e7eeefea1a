using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// Builds the bot's replies from <c>dialogs/*.yaml</c> in the conversation's language: text from a
/// message key, buttons (suggested actions) from button keys. No sentence is written in C#.
/// </summary>
public sealed class Wording(MessageCatalogue catalogue)
{
    public MessageCatalogue Catalogue => catalogue;

    /// <summary>The rendered text of <paramref name="key"/> in the turn's language.</summary>
    public string Text(ITurnContext turn, string dialog, string key, object? model = null) =>
        model is null
            ? catalogue.Render(dialog, key, TurnSession.Of(turn).Language)
            : catalogue.Render(dialog, key, TurnSession.Of(turn).Language, model);

    /// <summary>A message activity with optional buttons (button key → the text sent back when pressed).</summary>
    public Activity Message(ITurnContext turn, string dialog, string key, object? model = null, IReadOnlyList<string>? buttons = null) =>
        WithButtons(turn, Activity.CreateMessage(Text(turn, dialog, key, model)), dialog, buttons);

    /// <summary>Adds buttons (suggested actions) labelled from <paramref name="buttonDialog"/>'s buttons in the turn's language.</summary>
    public Activity WithButtons(ITurnContext turn, Activity activity, string buttonDialog, IReadOnlyList<string>? buttons)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (buttons is { Count: > 0 })
        {
            var language = TurnSession.Of(turn).Language;
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = [.. buttons.Select(b => catalogue.Button(buttonDialog, b, language)).Select(label => new CardAction { Type = CardAction.ImBack, Title = label, Value = System.Text.Json.JsonSerializer.SerializeToElement(label) })],
            };
        }
        return activity;
    }

    /// <summary>Sends <see cref="Message"/>.</summary>
    public Task SayAsync(ITurnContext turn, string dialog, string key, object? model, CancellationToken cancellationToken, IReadOnlyList<string>? buttons = null) =>
        turn.SendActivityAsync(Message(turn, dialog, key, model, buttons), cancellationToken);
}
