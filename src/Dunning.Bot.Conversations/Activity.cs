using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Conversations;

/// <summary>
/// One activity of the Bot Framework protocol (message, conversationUpdate, event, invoke, …),
/// serialized exactly as on the wire: camelCase names, nulls omitted.
/// </summary>
/// <remarks>
/// Contract: every JSON property this class does not model lands in <see cref="AdditionalProperties"/>
/// and is written back unchanged, so an activity that passes through the engine loses nothing.
/// <see cref="ChannelData"/> and <see cref="Value"/> stay raw JSON; the channel adapter or dialog that
/// understands them reads them. Use <see cref="ActivityJson"/> to (de)serialize.
/// </remarks>
public sealed class Activity
{
    /// <summary>The activity type; see <see cref="ActivityTypes"/>. Unknown types are kept as they are.</summary>
    public string Type { get; set; } = ActivityTypes.Message;

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? AttachmentLayout { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public string? Text { get; set; }

    public string? Speak { get; set; }

    public string? InputHint { get; set; }

    public string? Locale { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public List<Entity>? Entities { get; set; }

    /// <summary>Channel-specific payload, kept as raw JSON.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>A value for the activity (card submit data, invoke/event parameters), kept as raw JSON.</summary>
    public JsonElement? Value { get; set; }

    public string? ValueType { get; set; }

    /// <summary>The name of an event or invoke activity.</summary>
    public string? Name { get; set; }

    public string? ReplyToId { get; set; }

    public string? Code { get; set; }

    public string? DeliveryMode { get; set; }

    public string? Action { get; set; }

    /// <summary>Properties of the wire format this class does not model; written back untouched.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>
    /// A shallow copy: top-level fields are copied, lists and nested objects are shared. Use it before
    /// changing only top-level fields (text, suggested actions) of an activity kept elsewhere.
    /// </summary>
    public Activity Clone() => (Activity)MemberwiseClone();

    /// <summary>A message activity with the given text.</summary>
    public static Activity CreateMessage(string? text) => new() { Type = ActivityTypes.Message, Text = text };
}
