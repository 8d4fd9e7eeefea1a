using System.Globalization;
using Dunning.Bot.Conversations;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// The engine's adapter for Telegram: replies of a turn go out through <see cref="TelegramClients.Interactive"/>,
/// bot-initiated messages through <see cref="IProactiveChannel.SendAsync"/> (one attempt, outcome reported).
/// Incoming updates reach it from <see cref="TelegramUpdateHandler"/>, for polling and webhook alike.
/// </summary>
public sealed class TelegramAdapter : BotAdapter, IProactiveChannel
{
    private readonly TelegramClients _clients;
    private readonly TelegramMessageSender _sender;

    internal TelegramAdapter(TelegramClients clients, TelegramMessageSender sender, ILogger<TelegramAdapter> logger)
        : base(logger)
    {
        _clients = clients;
        _sender = sender;
    }

    public string ChannelId => TelegramActivities.ChannelId;

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var chatId = ChatOf(activities[i].Conversation?.Id ?? turnContext.Activity.Conversation?.Id);
            var sent = await _sender.SendAsync(_clients.Interactive, chatId, activities[i], cancellationToken);
            responses[i] = new ResourceResponse(sent.Count == 0 ? null : sent[^1].MessageId.ToString(CultureInfo.InvariantCulture));
        }
        return responses;
    }

    /// <summary>Replaces the text of an earlier message (editMessageText); the activity's id is the message id.</summary>
    public override async Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var chatId = ChatOf(activity.Conversation?.Id ?? turnContext?.Activity.Conversation?.Id);
        var messageId = MessageOf(activity.Id);
        var text = TelegramText.Split(activity.Text) is [var only] ? only : throw new ArgumentException("An edited Telegram message needs 1-4096 characters of text.", nameof(activity));
        var edited = await _clients.Interactive.EditMessageText(chatId, messageId, text, cancellationToken: cancellationToken);
        return new ResourceResponse(edited.MessageId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Deletes an earlier message (deleteMessage); the reference's activity id is the message id.</summary>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _clients.Interactive.DeleteMessage(ChatOf(reference.Conversation?.Id), MessageOf(reference.ActivityId), cancellationToken);
    }

    private static long ChatOf(string? conversationId) =>
        TelegramActivities.TryGetChatId(conversationId, out var chatId)
            ? chatId
            : throw new ArgumentException($"'{conversationId}' is not a Telegram chat id.", nameof(conversationId));

    private static int MessageOf(string? activityId) =>
        int.TryParse(activityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ArgumentException($"'{activityId}' is not a Telegram message id.", nameof(activityId));

    /// <summary>
    /// Sends bot-initiated activities to the chat of <paramref name="reference"/>: one attempt with the client that
    /// never retries by itself. 429 → RetryLater with Telegram's retry_after; 403 (blocked, deactivated, never
    /// started) and "chat not found" → Dead; 5xx, timeouts and network errors → RetryLater.
    /// </summary>
    /// <remarks>When a later activity of several fails, the earlier ones were delivered and a retry sends them again;
    /// callers keep one message per outbox entry where that matters.</remarks>
    public async Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activities);
        if (!TelegramActivities.TryGetChatId(reference.Conversation?.Id, out var chatId))
            return DeliveryResult.Dead($"'{reference.Conversation?.Id}' is not a Telegram chat id");
        try
        {
            foreach (var activity in activities)
            {
                var addressed = activity.Clone().ApplyConversationReference(reference);
                await _sender.SendAsync(_clients.Proactive, chatId, addressed, cancellationToken);
            }
            return DeliveryResult.Delivered;
        }
        catch (ApiRequestException ex)
        {
            var outcome = Classify(ex);
            Logger.LogWarning("Telegram refused a message to chat {ChatId}: {ErrorCode} {Description} → {Outcome}",
                chatId, ex.ErrorCode, ex.Message, outcome.Status);
            return outcome;
        }
        catch (RequestException ex)
        {
            // Not a Bot API answer: a timeout, a refused connection, an HTML 502 from Telegram's proxy.
            Logger.LogWarning("Sending to Telegram chat {ChatId} failed: {Error}", chatId, ex.Message);
            return DeliveryResult.RetryLater(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.RetryLater("timed out");
        }
    }

    internal static DeliveryResult Classify(ApiRequestException error) => error.ErrorCode switch
    {
        429 => DeliveryResult.RetryLater(error.Message, error.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : null),
        403 => DeliveryResult.Dead(error.Message),
        400 when IsGoneChat(error.Message) => DeliveryResult.Dead(error.Message),
        _ => DeliveryResult.RetryLater(error.Message),
    };

    private static bool IsGoneChat(string description) =>
        description.Contains("chat not found", StringComparison.OrdinalIgnoreCase)
        || description.Contains("user not found", StringComparison.OrdinalIgnoreCase)
        || description.Contains("PEER_ID_INVALID", StringComparison.Ordinal);
}
