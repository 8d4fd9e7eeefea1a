using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// The engine's <see cref="INumberRecognizer"/> over Core's understanding: an amount ("480 Euro", "1.234,56 €") or an
/// instalment count ("drei Raten") as Core reads it; a bare numeral ("480") as the engine's default recognizer reads it.
/// </summary>
public sealed class UnderstandingNumberRecognizer(IAsyncMessageRecognizer recognizer, TimeProvider clock) : INumberRecognizer
{
    public async ValueTask<decimal?> RecognizeAsync(string? text, string? locale, CancellationToken cancellationToken)
    {
        var language = UnderstandingDateRecognizer.LanguageOf(locale);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var understood = await recognizer.RecognizeAsync(text, new RecognitionContext(today, TimeZoneInfo.Utc, language), cancellationToken);
        return understood.Amount ?? understood.Instalments
            ?? await DefaultNumberRecognizer.Instance.RecognizeAsync(text, locale, cancellationToken);
    }
}
