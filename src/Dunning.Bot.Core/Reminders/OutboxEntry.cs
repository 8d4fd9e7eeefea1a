using System.Globalization;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// A proactive message, written before it is sent. <see cref="Key"/> is the idempotency key (unique in the outbox): while
/// an entry with a key is pending, sending or sent, no second entry with that key can be written, so a stage is never
/// enqueued twice. An entry that ends without reaching the debtor (cancelled, dead) releases its key
/// (<see cref="ReleaseKey"/>), so the stage can be planned again later (e.g. on another channel).
/// <para>
/// Delivery is at-least-once with a window of exactly the entries in flight: the dispatcher leases an entry
/// (<see cref="OutboxStatus.Sending"/>, <see cref="LeaseUntil"/>) before calling the channel and marks it sent after; a
/// crash between the two leaves it leased, and once the lease has expired it is sent again. An entry marked sent is
/// never sent again.
/// </para>
/// </summary>
public sealed class OutboxEntry
{
    /// <summary>The entry's own identity (the key may be released, the id never changes).</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    public required string Key { get; set; }

    public required string DebtorId { get; init; }

    /// <summary>See <see cref="OutboxKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The channel id the message goes out on (telegram, msteams, webchat, …).</summary>
    public required string Channel { get; init; }

    /// <summary>The <see cref="Domain.ConversationLink.Key"/> it is addressed to.</summary>
    public required string ConversationKey { get; init; }

    public required string Language { get; init; }

    /// <summary>The wording key (dialog <c>reminder</c>) the text was rendered from.</summary>
    public required string MessageKey { get; init; }

    /// <summary>
    /// The text to send for kinds other than reminders. Reminders are planned without text (empty) and rendered from
    /// <see cref="Items"/> at dispatch (<see cref="ReminderComposer.Compose(OutboxEntry, Domain.Debtor, Domain.DunningCase, IReadOnlyList{Domain.Invoice}, DateTimeOffset)"/>);
    /// once sent, this holds the text that went out.
    /// </summary>
    public required string Text { get; set; }

    public IReadOnlyList<OutboxItem> Items { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    /// <summary>Delivery attempts started (a lease counts as an attempt, so a crash mid-send counts too).</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be taken before this instant (retry backoff, Retry-After, contact-rule deferral).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set while <see cref="OutboxStatus.Sending"/>: the holder's lease; expired leases are taken again.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Identifies the dispatcher run holding the lease; a completion from a stale holder is refused.</summary>
    public string? LeaseId { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// When the channel confirmed that the message arrived (SMTP accepted, a 2xx, a web chat client fetched it). Null on a
    /// sent entry means "sent, not yet delivered": a web chat message nobody has fetched yet.
    /// </summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The channel's id of the sent message whose fetch confirms delivery (a web chat activity id); null otherwise.</summary>
    public string? Receipt { get; set; }

    /// <summary>When an undelivered entry was handed to the e-mail fallback (or found to have none); null before.</summary>
    public DateTimeOffset? FallbackAt { get; set; }

    /// <summary>Sent, but its channel has not confirmed delivery yet.</summary>
    public bool AwaitsReceipt => Status == OutboxStatus.Sent && DeliveredAt is null && Receipt is not null;

    /// <summary>Why it was cancelled or died, or the last transient error (a ContactRules reason code or the channel's detail).</summary>
    public string? LastError { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> InvoiceNumbers => [.. Items.Select(i => i.InvoiceNumber)];

    /// <summary>True while the entry may still be sent (pending or sending).</summary>
    public bool IsOpen => Status is OutboxStatus.Pending or OutboxStatus.Sending;

    /// <summary>The idempotency key of a reminder: debtor, then each invoice with the stage it reaches, in order.</summary>
    public static string ReminderKey(string debtorId, IEnumerable<OutboxItem> items) =>
        $"{OutboxKinds.Reminder}:{debtorId}:" + string.Join('+', items.OrderBy(i => i.InvoiceNumber, StringComparer.Ordinal)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.InvoiceNumber}@{i.Stage}")));

    /// <summary>Frees the key for a later entry once this one can no longer reach the debtor (kept readable for the log).</summary>
    public void ReleaseKey(string suffix)
    {
        if (!Key.Contains('#', StringComparison.Ordinal))
            Key = $"{Key}#{suffix}";
    }
}
