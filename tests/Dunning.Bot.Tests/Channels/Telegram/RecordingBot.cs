using System.Collections.Concurrent;
using System.Text.Json;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Tests.Channels.Telegram;

/// <summary>
/// A test bot: records every activity it receives and answers from a script keyed by the text
/// ("echo: …" when the script has no entry). A turn honours cancellation before it records, so an update
/// cut short by a shutdown is not counted.
/// </summary>
public sealed class RecordingBot : IBot
{
    private readonly ConcurrentQueue<Activity> _received = new();

    public IReadOnlyList<Activity> Received => [.. _received];

    public IReadOnlyList<string?> Texts => [.. _received.Select(a => a.Text)];

    /// <summary>Replies per incoming text; when absent the bot echoes.</summary>
    public ConcurrentDictionary<string, Activity[]> Script { get; } = new(StringComparer.Ordinal);

    /// <summary>How long each turn takes before it records and replies.</summary>
    public TimeSpan TurnDuration { get; set; }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (TurnDuration > TimeSpan.Zero)
            await Task.Delay(TurnDuration, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _received.Enqueue(turnContext.Activity);
        var text = turnContext.Activity.Text ?? "";
        if (Script.TryGetValue(text, out var replies))
        {
            await turnContext.SendActivitiesAsync([.. replies.Select(r => r.Clone())], cancellationToken);
            return;
        }
        await turnContext.SendActivityAsync("echo: " + text, cancellationToken);
    }

    public static Activity WithButtons(string text, params string[] labels) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        SuggestedActions = new SuggestedActions
        {
            Actions = [.. labels.Select(l => new CardAction { Type = CardAction.ImBack, Title = l, Value = JsonSerializer.SerializeToElement(l) })],
        },
    };
}
