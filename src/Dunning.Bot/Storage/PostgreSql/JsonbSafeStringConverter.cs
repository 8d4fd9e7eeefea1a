using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// Strings as JSONB can hold them: PostgreSQL refuses the NUL character (<c>\u0000</c>) anywhere in a jsonb value, so a
/// hostile message or file name with one would fail the whole turn. NUL becomes U+FFFD (the replacement character) —
/// what the text showed was never readable there anyway; every other character is kept.
/// </summary>
internal sealed class JsonbSafeStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value);
    }
}
