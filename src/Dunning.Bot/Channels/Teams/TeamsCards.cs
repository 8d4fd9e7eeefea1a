using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Shapes an outgoing activity for Teams so that one answer is one message: in a personal chat the text with its
/// choices as suggested actions and images inline; elsewhere (Teams shows suggested actions only in personal chats)
/// one Adaptive Card with the text, the images and <c>Action.Submit</c> buttons — never the text and a card with the
/// same buttons, which Teams shows as two messages. This bot's own <c>channelData</c> (the web chat's card data) is dropped.
/// The card JSON is built by hand (schema 1.5); the AdaptiveCards package is not available.
/// </summary>
public static class TeamsCards
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string AdaptiveCardVersion = "1.5";

    /// <summary>The property of a submit's <c>data</c> that carries the choice text.</summary>
    public const string ChoiceProperty = "choice";

    private const string DataImagePrefix = "data:image/";

    /// <summary>A copy of <paramref name="activity"/> ready for the Bot Connector; the original is not changed.</summary>
    public static Activity ForTeams(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message)
            return activity;
        var ownData = Core.Chat.OwnChannelData.IsOn(activity);
        if (IsPersonal(activity.Conversation))
        {
            if (!ownData)
                return activity;
            var plain = activity.Clone();
            plain.ChannelData = null;
            return plain;
        }
        var images = (activity.Attachments ?? []).Where(IsDataImage).ToList();
        var buttons = activity.SuggestedActions is { Actions.Count: > 0 } suggested ? suggested.Actions : [];
        if (images.Count == 0 && buttons.Count == 0 && !ownData)
            return activity;
        var copy = activity.Clone();
        copy.ChannelData = null;
        if (images.Count == 0 && buttons.Count == 0)
            return copy;
        var body = new JsonArray();
        if (!string.IsNullOrEmpty(activity.Text))
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = activity.Text, ["wrap"] = true });
        foreach (var image in images)
            body.Add(ImageElement(image));
        copy.Text = null;
        copy.SuggestedActions = null;
        copy.Attachments = [.. (activity.Attachments ?? []).Where(a => !IsDataImage(a)), Card(body, Actions(buttons))];
        return copy;
    }

    /// <summary>True for Teams' 1:1 chats (<c>conversationType: personal</c>, or not a group).</summary>
    public static bool IsPersonal(ConversationAccount? conversation) =>
        conversation?.ConversationType is { } type
            ? string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase)
            : conversation?.IsGroup != true;

    /// <summary>An Adaptive Card with one <c>Action.Submit</c> per imBack/postBack/messageBack choice and <c>Action.OpenUrl</c> per link.</summary>
    public static Attachment? ChoiceCard(IReadOnlyList<CardAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var cardActions = Actions(actions);
        return cardActions.Count == 0 ? null : Card(new JsonArray(), cardActions);
    }

    private static JsonArray Actions(IReadOnlyList<CardAction> actions)
    {
        var cardActions = new JsonArray();
        foreach (var action in actions)
        {
            var value = ValueText(action);
            if (string.IsNullOrEmpty(value))
                continue;
            var title = action.Title ?? value;
            cardActions.Add(action.Type == CardAction.OpenUrl
                ? new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = value }
                : new JsonObject
                {
                    ["type"] = "Action.Submit",
                    ["title"] = title,
                    ["data"] = new JsonObject
                    {
                        ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = value },
                        [ChoiceProperty] = value,
                    },
                });
        }
        return cardActions;
    }

    private static JsonObject ImageElement(Attachment image) => new()
    {
        ["type"] = "Image",
        ["url"] = image.ContentUrl,
        ["altText"] = image.Name ?? "",
    };

    private static Attachment Card(JsonArray body, JsonArray actions)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = AdaptiveCardVersion,
            ["body"] = body,
        };
        if (actions.Count > 0)
            card["actions"] = actions;
        return new Attachment { ContentType = AdaptiveCardContentType, Content = JsonSerializer.SerializeToElement(card) };
    }

    private static bool IsDataImage(Attachment attachment) =>
        attachment.ContentUrl?.StartsWith(DataImagePrefix, StringComparison.OrdinalIgnoreCase) == true;

    private static string? ValueText(CardAction action) => action.Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => action.Text ?? action.Title,
    };
}
