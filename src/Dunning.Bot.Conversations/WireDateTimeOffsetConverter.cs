using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Conversations;

/// <summary>
/// Writes UTC times as <c>…Z</c> (as Bot Framework channels do) and other offsets as <c>±hh:mm</c>,
/// so a timestamp read from the wire is written back in the same form.
/// </summary>
internal sealed class WireDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        if (value.Offset == TimeSpan.Zero)
            writer.WriteStringValue(value.UtcDateTime);
        else
            writer.WriteStringValue(value);
    }
}
