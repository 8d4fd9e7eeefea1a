using System.Text.Json;

namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// Reads and writes <see cref="PromptOptions"/> by hand, in exactly the JSON the serializer writes
/// (<c>{"prompt":…,"retryPrompt":…,"choices":[…],"style":1,"validations":…,"maxAttempts":3}</c>, nulls
/// omitted). A prompt stores its options when it begins and reads them on every answer, so this runs
/// twice a prompt turn; the activities go through <see cref="ActivityStateJson"/>. Reading walks a parsed
/// <see cref="JsonElement"/>: <see cref="PromptOptions.Validations"/> stays a slice of that document.
/// </summary>
internal static class PromptOptionsJson
{
    private static readonly JsonEncodedText PromptName = JsonEncodedText.Encode("prompt");
    private static readonly JsonEncodedText RetryPromptName = JsonEncodedText.Encode("retryPrompt");
    private static readonly JsonEncodedText ChoicesName = JsonEncodedText.Encode("choices");
    private static readonly JsonEncodedText StyleName = JsonEncodedText.Encode("style");
    private static readonly JsonEncodedText ValidationsName = JsonEncodedText.Encode("validations");
    private static readonly JsonEncodedText MaxAttemptsName = JsonEncodedText.Encode("maxAttempts");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText SynonymsName = JsonEncodedText.Encode("synonyms");
    private static readonly JsonEncodedText ActionName = JsonEncodedText.Encode("action");

    public static void Write(Utf8JsonWriter writer, PromptOptions options, JsonSerializerOptions serializerOptions)
    {
        writer.WriteStartObject();
        if (options.Prompt is { } prompt)
        {
            writer.WritePropertyName(PromptName);
            ActivityStateJson.Write(writer, prompt);
        }
        if (options.RetryPrompt is { } retry)
        {
            writer.WritePropertyName(RetryPromptName);
            ActivityStateJson.Write(writer, retry);
        }
        if (options.Choices is { } choices)
        {
            writer.WriteStartArray(ChoicesName);
            foreach (var choice in choices)
                WriteChoice(writer, choice);
            writer.WriteEndArray();
        }
        if (options.Style is { } style)
            writer.WriteNumber(StyleName, (int)style);
        if (options.Validations is { } validations)
        {
            writer.WritePropertyName(ValidationsName);
            DialogStateJson.WriteValue(writer, validations, serializerOptions);
        }
        if (options.MaxAttempts is { } maxAttempts)
            writer.WriteNumber(MaxAttemptsName, maxAttempts);
        writer.WriteEndObject();
    }

    /// <summary>Options from a JSON object, as the serializer reads them (unknown properties are ignored).</summary>
    public static PromptOptions Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new JsonException($"Prompt options must be a JSON object, not {element.ValueKind}.");
        var options = new PromptOptions();
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var isNull = value.ValueKind == JsonValueKind.Null;
            if (property.NameEquals(PromptName.EncodedUtf8Bytes))
                options.Prompt = isNull ? null : ActivityStateJson.Read(value);
            else if (property.NameEquals(RetryPromptName.EncodedUtf8Bytes))
                options.RetryPrompt = isNull ? null : ActivityStateJson.Read(value);
            else if (property.NameEquals(ChoicesName.EncodedUtf8Bytes))
                options.Choices = isNull ? null : ReadChoices(value);
            else if (property.NameEquals(StyleName.EncodedUtf8Bytes))
                options.Style = isNull ? null : (ListStyle)ReadInt(value, "style");
            else if (property.NameEquals(ValidationsName.EncodedUtf8Bytes))
                options.Validations = isNull ? null : value;
            else if (property.NameEquals(MaxAttemptsName.EncodedUtf8Bytes))
                options.MaxAttempts = isNull ? null : ReadInt(value, "maxAttempts");
        }
        return options;
    }

    private static void WriteChoice(Utf8JsonWriter writer, Choice? choice)
    {
        if (choice is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        if (choice.Value is { } value)
            writer.WriteString(ValueName, value);
        if (choice.Synonyms is { } synonyms)
        {
            writer.WriteStartArray(SynonymsName);
            foreach (var synonym in synonyms)
            {
                if (synonym is null)
                    writer.WriteNullValue();
                else
                    writer.WriteStringValue(synonym);
            }
            writer.WriteEndArray();
        }
        if (choice.Action is { } action)
        {
            writer.WritePropertyName(ActionName);
            JsonSerializer.Serialize(writer, action, ConversationsJsonContext.Default.CardAction);
        }
        writer.WriteEndObject();
    }

    private static List<Choice> ReadChoices(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new JsonException($"'choices' must be an array, not {array.ValueKind}.");
        var choices = new List<Choice>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
            choices.Add(item.ValueKind == JsonValueKind.Null ? null! : ReadChoice(item));
        return choices;
    }

    private static Choice ReadChoice(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new JsonException($"A choice must be a JSON object, not {element.ValueKind}.");
        var choice = new Choice();
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals(ValueName.EncodedUtf8Bytes))
            {
                choice.Value = ActivityStateJson.ReadString(value, "value")!;
            }
            else if (property.NameEquals(SynonymsName.EncodedUtf8Bytes))
            {
                choice.Synonyms = value.ValueKind == JsonValueKind.Null ? null : ReadSynonyms(value);
            }
            else if (property.NameEquals(ActionName.EncodedUtf8Bytes))
            {
                choice.Action = value.ValueKind == JsonValueKind.Null ? null : value.Deserialize(ConversationsJsonContext.Default.CardAction);
            }
        }
        return choice;
    }

    private static List<string> ReadSynonyms(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new JsonException($"'synonyms' must be an array, not {array.ValueKind}.");
        var synonyms = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
            synonyms.Add(ActivityStateJson.ReadString(item, "synonyms")!);
        return synonyms;
    }

    private static int ReadInt(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new JsonException($"'{name}' must be a whole number, not {value}.");
}
