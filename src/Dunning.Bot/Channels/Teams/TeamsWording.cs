using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Channels.Teams;

/// <summary>The Teams channel's own sentences (dialogs/teams.*.yaml), in the owner's language (falls back to <c>de</c>).</summary>
public sealed class TeamsWording(MessageCatalogue catalogue)
{
    public const string Dialog = "teams";

    public string Render(string? language, string key, IReadOnlyDictionary<string, object?>? model = null)
    {
        var lang = Language(language);
        return catalogue.Render(Dialog, key, lang, model);
    }

    /// <summary>The two-letter language of a locale if the catalogue speaks it, else <c>de</c>.</summary>
    public string Language(string? locale)
    {
        var lang = string.IsNullOrEmpty(locale) ? "de" : locale.Split('-', '_')[0].ToLowerInvariant();
        return catalogue.Languages.Contains(lang, StringComparer.Ordinal) && catalogue.HasMessage(Dialog, "owner_bound", lang) ? lang : "de";
    }
}
