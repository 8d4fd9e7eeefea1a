using System.Collections;
using System.Reflection;
using System.Text.Json;
using Dunning.Bot.Conversations.Dialogs.Prompts;

namespace Dunning.Bot.Conversations.Tests;

/// <summary>
/// Every public property of the wire and state types, found by reflection and filled with a value of its own,
/// survives a JSON round trip: a property added later cannot be dropped silently (nor one hidden by an attribute).
/// </summary>
public class Every_property_round_trips
{
    public static TheoryData<Type> Types() => [typeof(Activity), typeof(ConversationReference), typeof(PromptOptions)];

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_public_property_is_written_and_read_back(Type type)
    {
        var original = Sample(type, type.Name);

        var json = JsonSerializer.Serialize(original, type, ActivityJson.Options);
        var back = JsonSerializer.Deserialize(json, type, ActivityJson.Options)!;

        AssertSame(original, back, type.Name, json);
    }

    [Fact]
    public void The_samples_reach_every_nested_wire_type()
    {
        var json = ActivityJson.Serialize((Activity)Sample(typeof(Activity), "a"));

        foreach (var name in new[] { "from", "conversation", "membersAdded", "attachments", "suggestedActions", "entities", "channelData", "value", "isGroup", "displayText", "thumbnailUrl" })
            Assert.Contains($"\"{name}\":", json, StringComparison.Ordinal);
    }

    private static object Sample(Type type, string path)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in WireProperties(type))
            property.SetValue(instance, Value(property.PropertyType, $"{path}.{property.Name}"));
        return instance;
    }

    private static object Value(Type type, string path)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner == typeof(string))
            return path;
        if (inner == typeof(bool))
            return true;
        if (inner == typeof(int))
            return path.Length;
        if (inner.IsEnum)
            return Enum.GetValues(inner).Cast<object>().Last();
        if (inner == typeof(DateTimeOffset))
            return new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(1));
        if (inner == typeof(JsonElement) || inner == typeof(object))
            return JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["at"] = path });
        if (inner == typeof(Dictionary<string, JsonElement>))
            return new Dictionary<string, JsonElement> { [$"extra{path.Length}"] = JsonSerializer.SerializeToElement(new[] { 1, 2 }) };
        if (inner.IsGenericType && inner.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(inner)!;
            list.Add(Value(inner.GetGenericArguments()[0], path + "[0]"));
            return list;
        }
        return Sample(inner, path);
    }

    private static void AssertSame(object? expected, object? actual, string path, string json)
    {
        switch (expected)
        {
            case null:
                Assert.Null(actual);
                break;
            case string or bool or int or Enum or DateTimeOffset:
                Assert.True(Equals(expected, actual), $"{path} was {expected}, came back as {actual ?? "null"} in {json}");
                break;
            case JsonElement element:
                Assert.True(actual is JsonElement back && JsonElement.DeepEquals(element, back), $"{path} did not round-trip in {json}");
                break;
            case Dictionary<string, JsonElement> extra:
                var backExtra = Assert.IsType<Dictionary<string, JsonElement>>(actual);
                Assert.Equal(extra.Keys.Order(), backExtra.Keys.Order());
                foreach (var (key, value) in extra)
                    AssertSame(value, backExtra[key], $"{path}.{key}", json);
                break;
            case IList list:
                var backList = Assert.IsAssignableFrom<IList>(actual);
                Assert.Equal(list.Count, backList.Count);
                for (var i = 0; i < list.Count; i++)
                    AssertSame(list[i], backList[i], $"{path}[{i}]", json);
                break;
            default:
                Assert.NotNull(actual);
                foreach (var property in WireProperties(expected.GetType()))
                    AssertSame(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}", json);
                break;
        }
    }

    private static IEnumerable<PropertyInfo> WireProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0);
}
