using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>Lets the serializer use <see cref="DialogStateJson"/> wherever a <see cref="DialogState"/> is (de)serialized.</summary>
internal sealed class DialogStateJsonConverter : JsonConverter<DialogState>
{
    public override DialogState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DialogStateJson.Read(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, DialogState value, JsonSerializerOptions options) =>
        DialogStateJson.Write(writer, value, options);
}
