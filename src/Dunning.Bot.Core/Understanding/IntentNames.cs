using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Dunning.Bot.Core.Understanding;

/// <summary>The wire names of <see cref="Intent"/> (snake_case, as in the data files and the CLI output).</summary>
public static class IntentNames
{
    private static readonly FrozenDictionary<Intent, string> ToName = Enum.GetValues<Intent>()
        .ToFrozenDictionary(i => i, Snake);

    private static readonly FrozenDictionary<string, Intent> FromName = ToName
        .ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>All wire names, in enum order.</summary>
    public static IReadOnlyCollection<string> All => FromName.Keys;

    /// <summary>The wire name, e.g. <c>request_deferral</c>.</summary>
    public static string ToWireName(this Intent intent) =>
        ToName.TryGetValue(intent, out var name) ? name : "unknown";

    /// <summary>Parses an exact wire name; anything else (other casing, unknown words) is rejected.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out Intent? intent)
    {
        if (name is not null && FromName.TryGetValue(name, out var found))
        {
            intent = found;
            return true;
        }
        intent = null;
        return false;
    }

    private static string Snake(Intent intent)
    {
        var name = intent.ToString();
        var chars = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                chars.Append('_');
            chars.Append(char.ToLowerInvariant(name[i]));
        }
        return chars.ToString();
    }
}
