using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Staff;

/// <summary>The owner's language for a download: <c>?lang=de|en</c>, else the browser's first de/en language, else the fallback (German).</summary>
internal static class RequestLanguage
{
    public static string Of(HttpRequest request, string? lang, string fallback = "de")
    {
        ArgumentNullException.ThrowIfNull(request);
        if (lang is not null && Debtor.Languages.Contains(lang))
            return lang;
        var accepted = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant()).FirstOrDefault(l => l is not null && Debtor.Languages.Contains(l));
        return accepted ?? fallback;
    }
}
