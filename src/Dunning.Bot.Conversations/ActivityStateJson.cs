using System.Text.Json;

namespace Dunning.Bot.Conversations;

/// <summary>
/// Reads and writes an <see cref="Activity"/> kept in stored state (a prompt's question) by hand, in
/// exactly the JSON the serializer writes: properties in declaration order, nulls omitted, unknown
/// properties last. Activities carry extension data, which keeps the serializer off its fast path; the
/// text fields a prompt has are written and read directly, nested objects still go through the serializer.
/// Reading walks a parsed <see cref="JsonElement"/>; unknown properties stay slices of that document.
/// The wire path (<see cref="ActivityJson"/>) does not use this.
/// </summary>
internal static class ActivityStateJson
{
    private static readonly Field[] Fields =
    [
        Text("type", a => a.Type, (a, v) => a.Type = v!),
        Text("id", a => a.Id, (a, v) => a.Id = v),
        Nested("timestamp", a => a.Timestamp, (a, v) => a.Timestamp = v),
        Nested("localTimestamp", a => a.LocalTimestamp, (a, v) => a.LocalTimestamp = v),
        Text("localTimezone", a => a.LocalTimezone, (a, v) => a.LocalTimezone = v),
        Text("serviceUrl", a => a.ServiceUrl, (a, v) => a.ServiceUrl = v),
        Text("channelId", a => a.ChannelId, (a, v) => a.ChannelId = v),
        Nested("from", a => a.From, (a, v) => a.From = v),
        Nested("conversation", a => a.Conversation, (a, v) => a.Conversation = v),
        Nested("recipient", a => a.Recipient, (a, v) => a.Recipient = v),
        Text("textFormat", a => a.TextFormat, (a, v) => a.TextFormat = v),
        Text("attachmentLayout", a => a.AttachmentLayout, (a, v) => a.AttachmentLayout = v),
        Nested("membersAdded", a => a.MembersAdded, (a, v) => a.MembersAdded = v),
        Nested("membersRemoved", a => a.MembersRemoved, (a, v) => a.MembersRemoved = v),
        Text("text", a => a.Text, (a, v) => a.Text = v),
        Text("speak", a => a.Speak, (a, v) => a.Speak = v),
        Text("inputHint", a => a.InputHint, (a, v) => a.InputHint = v),
        Text("locale", a => a.Locale, (a, v) => a.Locale = v),
        Nested("attachments", a => a.Attachments, (a, v) => a.Attachments = v),
        Nested("suggestedActions", a => a.SuggestedActions, (a, v) => a.SuggestedActions = v),
        Nested("entities", a => a.Entities, (a, v) => a.Entities = v),
        Nested("channelData", a => a.ChannelData, (a, v) => a.ChannelData = v),
        Nested("value", a => a.Value, (a, v) => a.Value = v),
        Text("valueType", a => a.ValueType, (a, v) => a.ValueType = v),
        Text("name", a => a.Name, (a, v) => a.Name = v),
        Text("replyToId", a => a.ReplyToId, (a, v) => a.ReplyToId = v),
        Text("code", a => a.Code, (a, v) => a.Code = v),
        Text("deliveryMode", a => a.DeliveryMode, (a, v) => a.DeliveryMode = v),
        Text("action", a => a.Action, (a, v) => a.Action = v),
    ];

    public static void Write(Utf8JsonWriter writer, Activity activity)
    {
        writer.WriteStartObject();
        foreach (var field in Fields)
            field.Write(writer, activity);
        if (activity.AdditionalProperties is { } extra)
        {
            foreach (var (name, value) in extra)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>An activity from a JSON object, as the serializer reads it (names are case-sensitive; last duplicate wins).</summary>
    public static Activity Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new JsonException($"An activity must be a JSON object, not {element.ValueKind}.");
        var activity = new Activity();
        foreach (var property in element.EnumerateObject())
        {
            if (Find(property) is { } field)
            {
                field.Read(activity, property.Value);
            }
            else
            {
                activity.AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                activity.AdditionalProperties[property.Name] = property.Value;
            }
        }
        return activity;
    }

    /// <summary>A JSON string or null; anything else is malformed.</summary>
    internal static string? ReadString(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new JsonException($"'{name}' must be a string, not {value.ValueKind}."),
    };

    private static Field? Find(JsonProperty property)
    {
        foreach (var field in Fields)
        {
            if (property.NameEquals(field.Name.EncodedUtf8Bytes))
                return field;
        }
        return null;
    }

    private static Field Text(string name, Func<Activity, string?> get, Action<Activity, string?> set)
    {
        var encoded = JsonEncodedText.Encode(name);
        return new Field(
            encoded,
            (writer, activity) =>
            {
                if (get(activity) is { } value)
                    writer.WriteString(encoded, value);
            },
            (activity, value) => set(activity, ReadString(value, name)));
    }

    private static Field Nested<T>(string name, Func<Activity, T?> get, Action<Activity, T?> set)
    {
        var encoded = JsonEncodedText.Encode(name);
        return new Field(
            encoded,
            (writer, activity) =>
            {
                if (get(activity) is { } value)
                {
                    writer.WritePropertyName(encoded);
                    JsonSerializer.Serialize(writer, value, ActivityJson.Options);
                }
            },
            (activity, value) => set(activity, value.ValueKind == JsonValueKind.Null ? default : value.Deserialize<T>(ActivityJson.Options)));
    }

    private sealed record Field(JsonEncodedText Name, Action<Utf8JsonWriter, Activity> Write, Action<Activity, JsonElement> Read);
}
