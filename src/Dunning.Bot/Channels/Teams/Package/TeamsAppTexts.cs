using System.Text.Json.Nodes;

namespace Dunning.Bot.Channels.Teams.Package;

/// <summary>The app's names and descriptions in one more <see cref="Language"/>: a Teams localization file (schema 1.22).</summary>
public sealed record TeamsAppTexts(string Language, string ShortName, string FullName, string ShortDescription, string FullDescription)
{
    /// <summary>The Teams language tag per supported language.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "en-us",
        ["de"] = "de-de",
    };

    public string Tag => Tags[Language];

    public string FileName => $"{Tag}.json";

    public JsonObject ToLocalizationFile() => new()
    {
        ["$schema"] = TeamsAppPackage.LocalizationSchemaUrl,
        ["name.short"] = ShortName,
        ["name.full"] = FullName,
        ["description.short"] = ShortDescription,
        ["description.full"] = FullDescription,
    };
}
