using System.Text.Json;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Teams' inbound peculiarities, translated into what every channel sends: the bot's own <c>&lt;at&gt;</c> mention
/// removed from the text in group chats and channels, and an Adaptive Card submit (a message with <c>value</c> and
/// no text) turned into the choice text. The value is kept; the bot re-checks whatever it reads from it.
/// </summary>
public static class TeamsInbound
{
    private const int MaxChoiceLength = 200;

    /// <summary>Applies both translations in place.</summary>
    public static void Normalize(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message)
            return;
        StripBotMention(activity);
        MapCardSubmit(activity);
    }

    /// <summary>Removes the text of every mention entity that names the recipient (the bot) and trims the rest.</summary>
    public static void StripBotMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (TeamsCards.IsPersonal(activity.Conversation) || string.IsNullOrEmpty(activity.Text) || activity.Entities is null)
            return;
        var botId = activity.Recipient?.Id;
        var text = activity.Text;
        foreach (var entity in activity.Entities)
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.AdditionalProperties is not { } fields)
                continue;
            var mentionedId = fields.TryGetValue("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            var mentionText = fields.TryGetValue("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.IsNullOrEmpty(mentionText) || botId is null || !string.Equals(mentionedId, botId, StringComparison.Ordinal))
                continue;
            text = text.Replace(mentionText, "", StringComparison.Ordinal);
        }
        activity.Text = text.Trim();
    }

    /// <summary>A submit without text whose <c>value</c> has a string <c>choice</c> becomes a message with that text.</summary>
    public static void MapCardSubmit(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrWhiteSpace(activity.Text) || activity.Value is not { ValueKind: JsonValueKind.Object } value)
            return;
        if (value.TryGetProperty(TeamsCards.ChoiceProperty, out var choice) && choice.ValueKind == JsonValueKind.String
            && choice.GetString() is { Length: > 0 and <= MaxChoiceLength } text)
            activity.Text = text;
    }
}
