namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>Finds a calendar date in a user's text, relative expressions resolved against <c>today</c>.</summary>
public interface IDateRecognizer
{
    /// <summary>The date, or null when there is none.</summary>
    ValueTask<DateOnly?> RecognizeAsync(string? text, string? locale, DateOnly today, CancellationToken cancellationToken);
}
