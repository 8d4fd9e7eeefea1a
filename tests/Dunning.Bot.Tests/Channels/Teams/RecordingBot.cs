using System.Collections.Concurrent;
using System.Text.Json;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>
/// A stand-in for the real bot: records every turn's activity and answers by a few commands — "choices" (suggested
/// actions), "image" (a PNG data URI), "slow" (waits for <see cref="Release"/>), "fail once" (fails its first turn as a
/// timed-out call does, past the adapter's error handler), anything else "echo: {text}".
/// Invokes other than card actions are answered 200 with {"ok": true}.
/// </summary>
internal sealed class RecordingBot : IBot
{
    public const string TinyPng = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private readonly ConcurrentQueue<Activity> turns = new();
    private int failed;

    public IReadOnlyList<Activity> Turns => [.. turns];

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Asked at the start of every turn; its answers are kept in <see cref="Observed"/>.</summary>
    public Func<bool>? Observe { get; set; }

    public ConcurrentQueue<bool> Observed { get; } = new();

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        turns.Enqueue(activity);
        if (Observe is { } observe)
            Observed.Enqueue(observe());
        switch (activity.Type, activity.Text)
        {
            case (ActivityTypes.Invoke, _):
                turnContext.TurnState[InvokeResponse.TurnStateKey] = new InvokeResponse(200, JsonSerializer.SerializeToElement(new { ok = true }));
                break;
            case (ActivityTypes.Message, "choices"):
                var reply = Activity.CreateMessage("Pick one");
                reply.SuggestedActions = new SuggestedActions
                {
                    Actions = [Choice("Open balance"), Choice("I have paid")],
                };
                await turnContext.SendActivityAsync(reply, cancellationToken);
                break;
            case (ActivityTypes.Message, "image"):
                var image = Activity.CreateMessage("Scan to pay");
                image.Attachments = [new Attachment { ContentType = "image/png", ContentUrl = TinyPng, Name = "qr.png" }];
                await turnContext.SendActivityAsync(image, cancellationToken);
                break;
            case (ActivityTypes.Message, "slow"):
                SlowStarted.TrySetResult();
                await Release.Task.WaitAsync(cancellationToken);
                await turnContext.SendActivityAsync("done", cancellationToken);
                break;
            case (ActivityTypes.Message, "fail once") when Interlocked.Exchange(ref failed, 1) == 0:
                throw new TaskCanceledException("The bot's call timed out.");
            case (ActivityTypes.Message, "two"):
                await turnContext.SendActivityAsync("one", cancellationToken);
                await turnContext.SendActivityAsync("two", cancellationToken);
                break;
            case (ActivityTypes.Message, var text):
                await turnContext.SendActivityAsync($"echo: {text}", cancellationToken);
                break;
        }
    }

    private static CardAction Choice(string label) =>
        new() { Type = CardAction.ImBack, Title = label, Value = JsonSerializer.SerializeToElement(label) };
}
