using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// The engine's <see cref="IDateRecognizer"/> over Core's understanding, so a DatePrompt reads "3.11.", "next Friday",
/// "am Montag" or "26. Dezember" like every other message (German and English, relative to the given today).
/// </summary>
public sealed class UnderstandingDateRecognizer(IAsyncMessageRecognizer recognizer) : IDateRecognizer
{
    public async ValueTask<DateOnly?> RecognizeAsync(string? text, string? locale, DateOnly today, CancellationToken cancellationToken) =>
        (await recognizer.RecognizeAsync(text, new RecognitionContext(today, TimeZoneInfo.Utc, LanguageOf(locale)), cancellationToken)).Date;

    internal static string LanguageOf(string? locale) =>
        locale is { Length: >= 2 } && locale.StartsWith("de", StringComparison.OrdinalIgnoreCase) ? "de" : "en";
}
