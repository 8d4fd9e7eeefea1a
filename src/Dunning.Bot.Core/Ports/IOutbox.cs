using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Core.Ports;

/// <summary>
/// The outbox of proactive messages (see <see cref="OutboxEntry"/> for the delivery guarantee). Every write that also
/// changes the debtor's case does both in one transaction with the case's version check, so a crash can neither
/// enqueue without advancing the case nor advance it without enqueueing.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Writes <paramref name="entry"/> and saves <paramref name="dunningCase"/> (versioned) atomically. Returns false and
    /// writes nothing when an entry with the same key exists; throws <see cref="ConcurrencyConflictException"/> (nothing
    /// written) when the case changed since it was read.
    /// </summary>
    Task<bool> EnqueueAsync(OutboxEntry entry, DunningCase dunningCase, CancellationToken cancellationToken);

    /// <summary>
    /// Commits many planner writes in one transaction (the sweep's page). Each write is applied only if its case is
    /// unchanged and its entry's key is free; the result says, per write, whether it landed. Versions move on for the
    /// writes that landed.
    /// </summary>
    Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="limit"/> entries that are pending and due (<c>NextAttemptAt ≤ now</c>) or sending with
    /// an expired lease, oldest first; marks them sending with a new lease until <c>now + lease</c> and counts an attempt.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> LeaseAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the entry's new state (sent, cancelled, dead, or pending again) and, when given, the case (versioned), in one
    /// transaction — only while the entry is still held under its <see cref="OutboxEntry.LeaseId"/>. Returns false (nothing
    /// written) when the lease was lost to another dispatcher.
    /// </summary>
    Task<bool> CompleteAsync(OutboxEntry entry, DunningCase? dunningCase, CancellationToken cancellationToken);

    Task<OutboxEntry?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>The debtor's entries, newest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken);

    /// <summary>
    /// The entries of all of <paramref name="debtorIds"/> (any order; group by <see cref="OutboxEntry.DebtorId"/>). Stores
    /// that can load them in one go override this; the default asks once per debtor.
    /// </summary>
    async Task<IReadOnlyList<OutboxEntry>> ListByDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtorIds);
        var all = new List<OutboxEntry>();
        foreach (var id in debtorIds)
            all.AddRange(await ListByDebtorAsync(id, cancellationToken).ConfigureAwait(false));
        return all;
    }

    /// <summary>How many entries are pending or sending (for health and the simulation).</summary>
    Task<int> CountOpenAsync(CancellationToken cancellationToken);

    /// <summary>The earliest <c>NextAttemptAt</c> of a pending entry (or lease end of a sending one); null when none is open.</summary>
    Task<DateTimeOffset?> NextAttemptAsync(CancellationToken cancellationToken);
}
