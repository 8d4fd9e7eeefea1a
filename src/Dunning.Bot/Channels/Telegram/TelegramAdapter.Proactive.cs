using Dunning.Bot.Conversations;
using Telegram.Bot.Exceptions;

namespace Dunning.Bot.Channels.Telegram;

public sealed partial class TelegramAdapter
{
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
