using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Staff;

/// <summary>
/// Console words from <c>dialogs/console.&lt;lang&gt;.yaml</c> in the language of the person's browser (the first of
/// <c>de</c>/<c>en</c> in Accept-Language; English otherwise).
/// </summary>
public static class ConsoleText
{
    public const string Dialog = "console";

    public static string Language(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        foreach (var value in http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? "";
            if (tag.StartsWith("de", StringComparison.OrdinalIgnoreCase))
                return "de";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                return "en";
        }
        return "en";
    }

    public static string Render(this MessageCatalogue catalogue, HttpContext http, string key, IReadOnlyDictionary<string, object?>? model = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.Render(Dialog, key, Language(http), model);
    }
}
