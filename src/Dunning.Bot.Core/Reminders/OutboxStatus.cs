namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// Where an outbox entry stands. Pending → Sending (leased) → Sent, or back to Pending for a retry; Cancelled when a
/// re-check right before sending found nothing to send; Dead when the address is gone or the attempts ran out.
/// </summary>
public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Cancelled,
    Dead,
}
