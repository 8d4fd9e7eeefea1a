using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Staff.Actions;

/// <summary>
/// Bot Framework handoff events, shaped as the SDK's EventFactory makes them: an <c>event</c> activity named
/// <c>handoff.initiate</c> whose value is the agent-hub context and whose one attachment is the conversation's
/// transcript (content type <c>application/vnd.microsoft.activity.transcript</c>, content <c>{ "activities": [...] }</c>);
/// and <c>handoff.status</c> with <c>{ "state": "completed" }</c> when the conversation goes back to the bot.
/// </summary>
public static class HandoffEvents
{
    public const string Initiate = "handoff.initiate";
    public const string Status = "handoff.status";
    public const string TranscriptContentType = "application/vnd.microsoft.activity.transcript";

    public static Activity CreateInitiation(ConversationLink link, object context, IReadOnlyList<Activity> transcript, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(link);
        var handoff = Create(link, Initiate, JsonSerializer.SerializeToElement(context), at);
        handoff.Attachments =
        [
            new Attachment
            {
                ContentType = TranscriptContentType,
                Name = "transcript",
                Content = TranscriptJson(transcript),
            },
        ];
        return handoff;
    }

    public static Activity CreateStatus(ConversationLink link, string state, DateTimeOffset at, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Create(link, Status, JsonSerializer.SerializeToElement(new { state, message }), at);
    }

    private static Activity Create(ConversationLink link, string name, JsonElement value, DateTimeOffset at) => new()
    {
        Type = ActivityTypes.Event,
        Name = name,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = at,
        ChannelId = link.Channel,
        ServiceUrl = link.Reference.ServiceUrl,
        Conversation = link.Reference.Conversation,
        From = link.Reference.User,
        Recipient = link.Reference.Bot,
        Value = value,
    };

    private static JsonElement TranscriptJson(IReadOnlyList<Activity> transcript)
    {
        var activities = new JsonArray([.. transcript.Select(a => JsonNode.Parse(ActivityJson.Serialize(a)))]);
        return JsonSerializer.SerializeToElement(new JsonObject { ["activities"] = activities });
    }
}
