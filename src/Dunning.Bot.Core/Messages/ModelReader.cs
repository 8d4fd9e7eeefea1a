using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Fluid;

namespace Dunning.Bot.Core.Messages;

/// <summary>
/// Turns a render model into top-level template variables: a dictionary's entries as they are, or an
/// object's public properties (records, anonymous types) by their snake_case names. Property lists are
/// cached per type, so reflection runs once per model type.
/// </summary>
internal static class ModelReader
{
    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Properties = new();

    public static void Read(object? model, Action<string, object?> set)
    {
        switch (model)
        {
            case null:
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (name, value) in pairs)
                    set(name, value);
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                    set(entry.Key.ToString() ?? string.Empty, entry.Value);
                return;
            default:
                foreach (var (name, property) in Properties.GetOrAdd(model.GetType(), Describe))
                    set(name, property.GetValue(model));
                return;
        }
    }

    private static (string, PropertyInfo)[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (MemberNameStrategies.SnakeCase(p), p))
            .ToArray();
}
