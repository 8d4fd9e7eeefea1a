namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// What a recognizer needs besides the text: the debtor's today (relative dates resolve
/// against it), their time zone, and the conversation's language for messages too short to tell.
/// </summary>
/// <param name="Today">Today in the debtor's time zone.</param>
/// <param name="TimeZone">The debtor's time zone.</param>
/// <param name="FallbackLanguage">"de" or "en": used when a message shows no clear language.</param>
public sealed record RecognitionContext(DateOnly Today, TimeZoneInfo TimeZone, string FallbackLanguage)
{
    /// <summary>The context for "now" on <paramref name="clock"/> in <paramref name="timeZone"/>.</summary>
    public static RecognitionContext At(TimeProvider clock, TimeZoneInfo timeZone, string fallbackLanguage)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), timeZone);
        return new RecognitionContext(DateOnly.FromDateTime(local.DateTime), timeZone, fallbackLanguage);
    }
}
