using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Dunning.Bot.Conversations;

/// <summary>
/// The engine's JSON settings: Bot Framework wire format (camelCase, nulls omitted, UTC times with
/// <c>Z</c>). The schema types use source-generated metadata; any other type falls back to reflection,
/// so dialog options and state values of your own types serialize with the same settings.
/// </summary>
public static class ActivityJson
{
    /// <summary>Shared, read-only options; use them for activities, references and stored state.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads one activity. Throws <see cref="JsonException"/> on malformed JSON or a non-object.</summary>
    public static Activity Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, ConversationsJsonContext.Default.Activity)
        ?? throw new JsonException("An activity must be a JSON object, not null.");

    /// <inheritdoc cref="Deserialize(ReadOnlySpan{byte})"/>
    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ConversationsJsonContext.Default.Activity)
        ?? throw new JsonException("An activity must be a JSON object, not null.");

    public static string Serialize(Activity activity) =>
        JsonSerializer.Serialize(activity, ConversationsJsonContext.Default.Activity);

    public static byte[] SerializeToUtf8Bytes(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, ConversationsJsonContext.Default.Activity);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ConversationsJsonContext.Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ConversationsJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}
