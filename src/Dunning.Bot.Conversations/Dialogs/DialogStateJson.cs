using System.Text.Json;
using System.Text.Json.Serialization;
using Dunning.Bot.Conversations.Dialogs.Prompts;

namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>
/// Reads and writes the dialog stack by hand, in exactly the JSON the serializer would produce
/// (<c>{"dialogStack":[{"id":…,"state":{…}}]}</c>). Reading walks an already parsed
/// <see cref="JsonElement"/>: state values stay slices of that one document instead of being copied into
/// a new document at every nesting level; writing emits the common state values (numbers, strings,
/// nested stacks and bags, raw JSON) directly and hands anything else to the serializer.
/// </summary>
internal static class DialogStateJson
{
    private static readonly JsonEncodedText DialogStackName = JsonEncodedText.Encode("dialogStack");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText StateName = JsonEncodedText.Encode("state");

    /// <summary>A stack from its JSON; state values come back as <see cref="JsonElement"/> (null for JSON null).</summary>
    public static DialogState Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new JsonException($"A dialog state must be a JSON object, not {element.ValueKind}.");
        var state = new DialogState();
        foreach (var property in element.EnumerateObject())
        {
            if (!property.NameEquals("dialogStack"))
                continue;
            state.DialogStack = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null!,
                JsonValueKind.Array => ReadStack(property.Value),
                _ => throw new JsonException($"dialogStack must be an array, not {property.Value.ValueKind}."),
            };
        }
        return state;
    }

    /// <summary>A state bag from a JSON object: values as <see cref="JsonElement"/>, JSON null as null.</summary>
    public static Dictionary<string, object?> ReadBag(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new JsonException($"A state bag must be a JSON object, not {element.ValueKind}.");
        var bag = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
            bag[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
        return bag;
    }

    public static void Write(Utf8JsonWriter writer, DialogState state, JsonSerializerOptions options)
    {
        CheckDepth(writer, options);
        writer.WriteStartObject();
        if (state.DialogStack is { } stack)
        {
            writer.WriteStartArray(DialogStackName);
            foreach (var instance in stack)
                WriteInstance(writer, instance, options);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static List<DialogInstance> ReadStack(JsonElement array)
    {
        var stack = new List<DialogInstance>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Null)
            {
                stack.Add(null!);
                continue;
            }
            if (item.ValueKind != JsonValueKind.Object)
                throw new JsonException($"A dialog instance must be a JSON object, not {item.ValueKind}.");
            var instance = new DialogInstance();
            foreach (var property in item.EnumerateObject())
            {
                if (property.NameEquals("id"))
                {
                    instance.Id = property.Value.ValueKind switch
                    {
                        JsonValueKind.Null => null!,
                        JsonValueKind.String => property.Value.GetString()!,
                        _ => throw new JsonException($"A dialog instance id must be a string, not {property.Value.ValueKind}."),
                    };
                }
                else if (property.NameEquals("state"))
                {
                    instance.State = property.Value.ValueKind == JsonValueKind.Null ? null! : ReadBag(property.Value);
                }
            }
            stack.Add(instance);
        }
        return stack;
    }

    private static void WriteInstance(Utf8JsonWriter writer, DialogInstance? instance, JsonSerializerOptions options)
    {
        if (instance is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        if (instance.Id is { } id)
            writer.WriteString(IdName, id);
        if (instance.State is { } bag)
        {
            writer.WritePropertyName(StateName);
            WriteBag(writer, bag, options);
        }
        writer.WriteEndObject();
    }

    private static void WriteBag(Utf8JsonWriter writer, IDictionary<string, object?> bag, JsonSerializerOptions options)
    {
        CheckDepth(writer, options);
        writer.WriteStartObject();
        if (bag is Dictionary<string, object?> dictionary)
        {
            foreach (var (key, value) in dictionary)
                WriteProperty(writer, key, value, options);
        }
        else
        {
            foreach (var (key, value) in bag)
                WriteProperty(writer, key, value, options);
        }
        writer.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string key, object? value, JsonSerializerOptions options)
    {
        writer.WritePropertyName(options.DictionaryKeyPolicy?.ConvertName(key) ?? key);
        WriteValue(writer, value, options);
    }

    /// <summary>One state value as the serializer writes an <c>object</c> (by its runtime type).</summary>
    internal static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number when options.NumberHandling == JsonNumberHandling.Strict:
                writer.WriteNumberValue(number);
                break;
            case long number when options.NumberHandling == JsonNumberHandling.Strict:
                writer.WriteNumberValue(number);
                break;
            case decimal number when options.NumberHandling == JsonNumberHandling.Strict:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DialogState state:
                Write(writer, state, options);
                break;
            case Dictionary<string, object?> bag:
                WriteBag(writer, bag, options);
                break;
            case PromptOptions promptOptions:
                PromptOptionsJson.Write(writer, promptOptions, options);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType(), options);
                break;
        }
    }

    // The serializer stops runaway nesting (a stack that contains itself) at MaxDepth; so do we.
    private static void CheckDepth(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        var max = options.MaxDepth == 0 ? 64 : options.MaxDepth;
        if (writer.CurrentDepth >= max)
            throw new JsonException($"The dialog state is nested deeper than {max} levels (does a stack contain itself?).");
    }
}
