using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Chat;

/// <summary>
/// Records every inbound and outbound activity of a turn in the <see cref="ITranscriptStore"/> — also while a person
/// owns the conversation and the bot stays silent, and also the error reply of a failed turn. Entries are written at
/// the end of the turn, inbound first, so they carry the debtor bound during the turn; anything sent later (the
/// adapter's error reply) is written at once. Credentials the linking step consumed are stored redacted
/// (<see cref="Redact"/>). A failing transcript store is logged and never breaks the conversation.
/// </summary>
public sealed class TranscriptMiddleware(
    ITranscriptStore transcripts,
    IConversationStore conversations,
    TimeProvider clock,
    IOptions<ConversationOptions> options,
    ILogger<TranscriptMiddleware> logger) : IMiddleware
{
    private const string RedactedTextKey = "Dunning.Transcript.RedactedText";

    /// <summary>Makes the transcript store <paramref name="replacement"/> instead of this turn's inbound text (and no value).</summary>
    public static void Redact(ITurnContext turn, string replacement)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.TurnState[RedactedTextKey] = replacement;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            await next(cancellationToken);
            return;
        }

        var key = ConversationLink.KeyFor(activity.ChannelId, activity.Conversation.Id);
        var pending = new List<(Activity Activity, TranscriptDirection Direction, DateTimeOffset At)>();
        var flushed = false;
        if (IsFromDebtor(activity))
            pending.Add((activity, TranscriptDirection.Inbound, clock.GetUtcNow()));
        turnContext.OnSendActivities(async (turn, activities, send) =>
        {
            var responses = await send();
            var at = clock.GetUtcNow();
            if (!flushed)
            {
                pending.AddRange(activities.Where(a => a.Type != ActivityTypes.Trace).Select(a => (a, TranscriptDirection.Outbound, at)));
                return responses;
            }
            await WriteAsync(turn, key, [.. activities.Where(a => a.Type != ActivityTypes.Trace).Select(a => (a, TranscriptDirection.Outbound, at))], cancellationToken);
            return responses;
        });

        try
        {
            await next(cancellationToken);
        }
        finally
        {
            flushed = true;
            await WriteAsync(turnContext, key, pending, cancellationToken);
        }
    }

    /// <summary>Proactive turns (<c>ContinueConversation</c>) carry no message from the debtor.</summary>
    private static bool IsFromDebtor(Activity activity) =>
        activity.Type is ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Invoke
        && !(activity.Type == ActivityTypes.Event && activity.Name == "ContinueConversation");

    private async Task WriteAsync(ITurnContext turn, string key, IReadOnlyList<(Activity Activity, TranscriptDirection Direction, DateTimeOffset At)> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
            return;
        try
        {
            var debtorId = TurnSession.TryOf(turn)?.Link.DebtorId
                ?? (await conversations.FindAsync(key, cancellationToken))?.DebtorId;
            foreach (var (activity, direction, at) in items)
                await transcripts.AppendAsync(ToEntry(turn, key, debtorId, activity, direction, at), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record {Count} transcript entries of {Key}", items.Count, key);
        }
    }

    private TranscriptEntry ToEntry(ITurnContext turn, string key, string? debtorId, Activity activity, TranscriptDirection direction, DateTimeOffset at)
    {
        var redacted = direction == TranscriptDirection.Inbound ? turn.TurnState.Get<string>(RedactedTextKey) : null;
        var isJoin = activity is { Type: ActivityTypes.Event, Name: ConversationLinker.JoinEventName };
        return new TranscriptEntry(key, debtorId, at, direction, activity.Type, Cut(redacted ?? activity.Text, options.Value.TranscriptMaxTextChars),
            activity.From?.Name ?? activity.From?.Id)
        {
            Buttons = [.. (activity.SuggestedActions?.Actions ?? []).Select(a => a.Title ?? a.Text ?? string.Empty)],
            Attachments = [.. (activity.Attachments ?? []).Select(a => a.Name ?? a.ContentType ?? "attachment")],
            Images = [.. (activity.Attachments ?? []).Select(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true ? a.ContentUrl : null)
                .OfType<string>().Where(url => url.Length <= options.Value.TranscriptMaxImageChars)],
            Value = redacted is not null || isJoin ? RedactedValue(activity.Value, isJoin) : Cut(activity.Value?.GetRawText(), options.Value.TranscriptMaxValueChars),
            Name = activity.Name,
            ActivityId = activity.Id,
        };
    }

    /// <summary>The join event keeps its locale; the link token is a credential and never stored.</summary>
    private static string? RedactedValue(JsonElement? value, bool isJoin)
    {
        if (!isJoin || value is not { ValueKind: JsonValueKind.Object } payload)
            return null;
        var locale = payload.TryGetProperty("locale", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        var hasToken = payload.TryGetProperty("linkToken", out _);
        return JsonSerializer.Serialize(new Dictionary<string, string?> { ["linkToken"] = hasToken ? "***" : null, ["locale"] = locale });
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max] + "…";
}
