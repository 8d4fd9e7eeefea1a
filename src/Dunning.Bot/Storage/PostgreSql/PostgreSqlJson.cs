using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// How the domain's entities become JSONB documents (System.Text.Json): every property that can be set back is written
/// (public setters, init, the domain's private setters such as an invoice's settlement date), figures a type computes
/// (an invoice's <c>Paid</c>, a debtor's <c>TimeZoneInfo</c>) are left out; enums by name (stable if members are
/// reordered); <see cref="DateTimeOffset"/> with all seven fraction digits, so a document comes back exact to the tick.
/// </summary>
internal static class PostgreSqlJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} document is null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OnlyWhatCanBeRestored } },
            PreferredObjectCreationHandling = JsonObjectCreationHandling.Replace,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new JsonbSafeStringConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void OnlyWhatCanBeRestored(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
            return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is not null || property.AssociatedParameter is not null)
                continue;
            if (property.AttributeProvider is PropertyInfo { SetMethod: { } setter })
                property.Set = (target, value) => setter.Invoke(target, [value]);
            else
                type.Properties.RemoveAt(i);
        }
    }
}
