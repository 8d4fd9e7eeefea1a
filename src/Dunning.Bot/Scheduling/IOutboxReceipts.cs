using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Scheduling;

/// <summary>
/// The outbox's view of messages sent but not yet confirmed (<see cref="OutboxEntry.AwaitsReceipt"/>): the ones a web chat
/// fetch confirms, and the ones whose e-mail fallback may be due. Updates go through <c>IOutbox.CompleteAsync</c>.
/// </summary>
public interface IOutboxReceipts
{
    /// <summary>Entries sent into <paramref name="conversationKey"/> that no client has fetched yet.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAwaitingReceiptAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Undelivered entries sent before <paramref name="sentBefore"/> not yet handed to a fallback, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListFallbackDueAsync(DateTimeOffset sentBefore, int limit, CancellationToken cancellationToken);
}
