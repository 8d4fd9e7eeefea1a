using System.Text.Json;

namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>Typed reads from dialog state bags (instance state, waterfall values).</summary>
public static class StateValues
{
    /// <summary>
    /// The value under <paramref name="key"/> as <typeparamref name="T"/>: returned as is when it already
    /// is one; converted when it is raw JSON (as after a reload from storage), and the converted value is
    /// put back so later changes to it are persisted; default when missing or null.
    /// Throws <see cref="JsonException"/> when stored JSON does not fit <typeparamref name="T"/>.
    /// </summary>
    public static T? GetValue<T>(this IDictionary<string, object?> bag, string key)
    {
        ArgumentNullException.ThrowIfNull(bag);
        if (!bag.TryGetValue(key, out var value) || value is null)
            return default;
        if (value is T typed)
            return typed;
        if (value is JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Null)
                return default;
            var converted = FromJson<T>(element);
            bag[key] = converted;
            return converted;
        }
        throw new InvalidCastException($"State value '{key}' is a {value.GetType().Name}, not a {typeof(T).Name}.");
    }

    /// <summary>Converts a value that may be raw JSON (e.g. dialog options after a reload) to <typeparamref name="T"/>.</summary>
    public static T? As<T>(object? value) => value switch
    {
        null => default,
        T typed => typed,
        JsonElement { ValueKind: JsonValueKind.Null } => default,
        JsonElement element => FromJson<T>(element),
        _ => throw new InvalidCastException($"A {value.GetType().Name} is not a {typeof(T).Name}."),
    };

    /// <summary><paramref name="element"/> as <typeparamref name="T"/>, read by the serializer with the engine's options.</summary>
    internal static T? FromJson<T>(JsonElement element) => element.Deserialize<T>(ActivityJson.Options);
}
