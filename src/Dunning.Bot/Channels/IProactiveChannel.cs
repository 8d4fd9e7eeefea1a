using Dunning.Bot.Conversations;

namespace Dunning.Bot.Channels;

/// <summary>
/// A channel that can deliver bot-initiated messages (reminders, staff replies, approvals) to a stored
/// <see cref="ConversationReference"/>. The outbox calls it and owns retries, so an implementation makes
/// exactly one delivery attempt and reports the outcome instead of retrying or throwing.
/// </summary>
public interface IProactiveChannel
{
    /// <summary>The Bot Framework channel id it serves: <c>telegram</c>, <c>msteams</c>, <c>webchat</c>.</summary>
    string ChannelId { get; }

    Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}

/// <summary>The outcome of one delivery attempt.</summary>
public sealed record DeliveryResult(DeliveryStatus Status, string? Detail = null, TimeSpan? RetryAfter = null)
{
    public static readonly DeliveryResult Delivered = new(DeliveryStatus.Delivered);

    /// <summary>
    /// When set, the message was accepted but has not arrived yet: it is delivered once the recipient fetches the message
    /// with this id (a web chat activity id). Null: the channel's acceptance is the delivery (SMTP, a 2xx).
    /// </summary>
    public string? Receipt { get; init; }

    /// <summary>Accepted and waiting to be fetched (see <see cref="Receipt"/>).</summary>
    public static DeliveryResult AwaitingFetch(string receipt) => new(DeliveryStatus.Delivered) { Receipt = receipt };

    public static DeliveryResult RetryLater(string detail, TimeSpan? retryAfter = null) => new(DeliveryStatus.RetryLater, detail, retryAfter);

    /// <summary>The address will never work again (bot blocked, app removed, user gone).</summary>
    public static DeliveryResult Dead(string detail) => new(DeliveryStatus.Dead, detail);
}

public enum DeliveryStatus
{
    Delivered,
    RetryLater,
    Dead,
}
