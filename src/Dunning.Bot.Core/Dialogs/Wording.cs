using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// Builds the bot's replies from <c>dialogs/*.yaml</c> in the conversation's language: text from a
/// message key, buttons (suggested actions) from button keys. No sentence is written in C#.
/// </summary>
public sealed class Wording(MessageCatalogue catalogue)
{
    /// <summary>The dialog and key of the answer-time phrase ("morgen, 12 Uhr").</summary>
    public const string AnswerTimeDialog = "escalation";

    /// <inheritdoc cref="AnswerTimeDialog"/>
    public const string AnswerTimeKey = "respond_by";

    public MessageCatalogue Catalogue => catalogue;

    /// <summary>The rendered text of <paramref name="key"/> in the turn's language.</summary>
    public string Text(ITurnContext turn, string dialog, string key, object? model = null) =>
        model is null
            ? catalogue.Render(dialog, key, TurnSession.Of(turn).Language)
            : catalogue.Render(dialog, key, TurnSession.Of(turn).Language, model);

    /// <summary>How the chat addresses <paramref name="debtor"/> in the turn's language (see <see cref="DebtorAddress"/>).</summary>
    public string Address(ITurnContext turn, Domain.Debtor debtor) => DebtorAddress.For(catalogue, debtor, TurnSession.Of(turn).Language);

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

    /// <summary>
    /// When a person will answer, as a person would say it — "morgen, 12 Uhr", "Montag, 10 Uhr" / "tomorrow, 12 noon" —
    /// on the debtor's clock (<paramref name="zone"/>), relative to <paramref name="now"/>; from <c>dialogs/escalation.*.yaml</c>.
    /// </summary>
    public string AnswerTime(ITurnContext turn, DateTimeOffset respondBy, DateTimeOffset now, TimeZoneInfo zone) =>
        Text(turn, AnswerTimeDialog, AnswerTimeKey, AnswerTimeModel(respondBy, now, zone));

    /// <summary>
    /// The model of <c>escalation.respond_by</c>: <c>day</c> (today, tomorrow, weekday within six days, else date),
    /// <c>date</c>, <c>hour</c>, <c>minutes</c> ("00"), <c>hour12</c> and <c>pm</c>, all on the clock of <paramref name="zone"/>.
    /// </summary>
    public static object AnswerTimeModel(DateTimeOffset respondBy, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(respondBy, zone).DateTime;
        var days = DateOnly.FromDateTime(local).DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).DayNumber;
        return new
        {
            day = days switch { 0 => "today", 1 => "tomorrow", >= 2 and <= 6 => "weekday", _ => "date" },
            date = DateOnly.FromDateTime(local),
            hour = local.Hour,
            minutes = local.Minute.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
            hour12 = local.Hour % 12 == 0 ? 12 : local.Hour % 12,
            pm = local.Hour >= 12,
        };
    }

    /// <summary>Sends <see cref="Message"/>.</summary>
    public Task SayAsync(ITurnContext turn, string dialog, string key, object? model, CancellationToken cancellationToken, IReadOnlyList<string>? buttons = null) =>
        turn.SendActivityAsync(Message(turn, dialog, key, model, buttons), cancellationToken);
}
