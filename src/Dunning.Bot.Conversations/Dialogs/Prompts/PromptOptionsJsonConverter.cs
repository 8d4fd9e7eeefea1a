using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>Lets the serializer use <see cref="PromptOptionsJson"/> wherever <see cref="PromptOptions"/> are (de)serialized.</summary>
internal sealed class PromptOptionsJsonConverter : JsonConverter<PromptOptions>
{
    public override PromptOptions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PromptOptionsJson.Read(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, PromptOptions value, JsonSerializerOptions options) =>
        PromptOptionsJson.Write(writer, value, options);
}
