using System.Globalization;

namespace Dunning.Bot.Conversations;

/// <summary>
/// The neutral message sent after a turn failed, by language. The defaults (German and English) say only
/// that something went wrong; the host replaces them with its own catalogue (for example through
/// <see cref="BotAdapter.ErrorReply"/> as a function of the turn).
/// </summary>
public sealed class TurnErrorReply
{
    private readonly Dictionary<string, string> _byLanguage;
    private readonly string _fallback;

    /// <param name="byLanguage">Text per two-letter language code (e.g. "de", "en").</param>
    /// <param name="fallbackLanguage">The language used when the turn's locale has no entry.</param>
    public TurnErrorReply(IReadOnlyDictionary<string, string> byLanguage, string fallbackLanguage)
    {
        ArgumentNullException.ThrowIfNull(byLanguage);
        _byLanguage = new Dictionary<string, string>(byLanguage, StringComparer.OrdinalIgnoreCase);
        if (!_byLanguage.TryGetValue(fallbackLanguage, out var fallback))
            throw new ArgumentException($"No text for the fallback language '{fallbackLanguage}'.", nameof(fallbackLanguage));
        _fallback = fallback;
    }

    /// <summary>The built-in neutral texts for German and English, falling back to English.</summary>
    public static TurnErrorReply Default { get; } = new(
        new Dictionary<string, string>
        {
            ["de"] = "Entschuldigung, bei uns ist gerade etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.",
            ["en"] = "Sorry, something went wrong on our side. Please try again in a moment.",
        },
        "en");

    /// <summary>The text for <paramref name="locale"/> (e.g. "de-DE"), or the fallback.</summary>
    public string For(string? locale) =>
        _byLanguage.TryGetValue(LanguageOf(locale), out var text) ? text : _fallback;

    /// <summary>The two-letter language of a locale ("de-AT" → "de"); empty when unknown.</summary>
    public static string LanguageOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
            return string.Empty;
        var dash = locale.IndexOfAny(['-', '_']);
        return (dash > 0 ? locale[..dash] : locale).ToLower(CultureInfo.InvariantCulture);
    }
}
