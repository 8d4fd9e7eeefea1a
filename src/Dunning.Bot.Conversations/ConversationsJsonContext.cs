using System.Text.Json;
using System.Text.Json.Serialization;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;

namespace Dunning.Bot.Conversations;

/// <summary>Source-generated JSON metadata for the engine's own types (fast path for activities and dialog state).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(WireDateTimeOffsetConverter)])]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(DialogState))]
[JsonSerializable(typeof(DialogInstance))]
[JsonSerializable(typeof(PromptOptions))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateOnly))]
[JsonSerializable(typeof(FoundChoice))]
internal sealed partial class ConversationsJsonContext : JsonSerializerContext;
