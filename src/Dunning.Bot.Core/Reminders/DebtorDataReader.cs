using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// Reads what planning one debtor works on (<see cref="DebtorData"/>: the case, the debtor, the invoices, the outbox
/// entries, the conversation links and the running agreements), one debtor at a time or in bulk for a sweep's page.
/// </summary>
public sealed class DebtorDataReader(
    IDebtorStore debtors, IInvoiceStore invoices, ICaseStore cases, IConversationStore conversations, IOutbox outbox, IAgreementFollowUps followUps)
{
    /// <summary>
    /// Bulk-loads what planning <paramref name="dueCases"/> reads (the cases themselves as given, fresh from the store) into
    /// <paramref name="buffer"/>, a few queries for the whole page instead of five per debtor. Plan each of these debtors
    /// with the same buffer right after.
    /// </summary>
    public async Task PreloadAsync(IReadOnlyCollection<DunningCase> dueCases, PlanBuffer buffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dueCases);
        ArgumentNullException.ThrowIfNull(buffer);
        if (dueCases.Count == 0)
            return;
        var ids = dueCases.Select(c => c.DebtorId).ToHashSet(StringComparer.Ordinal);
        var found = (await debtors.FindManyAsync(ids, cancellationToken).ConfigureAwait(false)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var owed = (await invoices.ListByDebtorsAsync(ids, cancellationToken).ConfigureAwait(false)).ToLookup(i => i.DebtorId, StringComparer.Ordinal);
        var queued = (await outbox.ListByDebtorsAsync(ids, cancellationToken).ConfigureAwait(false)).ToLookup(e => e.DebtorId, StringComparer.Ordinal);
        var linked = (await conversations.ListByDebtorsAsync(ids, cancellationToken).ConfigureAwait(false))
            .Where(l => l.DebtorId is not null).ToLookup(l => l.DebtorId!, StringComparer.Ordinal);
        var running = (await followUps.ListRunningAsync(ids, cancellationToken).ConfigureAwait(false)).ToLookup(a => a.DebtorId, StringComparer.Ordinal);
        foreach (var dueCase in dueCases)
        {
            var id = dueCase.DebtorId;
            buffer.Preloaded(id, new DebtorData(dueCase, found.GetValueOrDefault(id), [.. owed[id]],
                [.. queued[id].OrderByDescending(e => e.CreatedAt)], [.. linked[id].OrderByDescending(l => l.LastInboundAt)], running.Contains(id) ? [.. running[id]] : []));
        }
    }

    /// <summary>The debtor's data: preloaded into <paramref name="buffer"/> when it was, otherwise read now.</summary>
    internal async Task<DebtorData> LoadAsync(string debtorId, PlanBuffer? buffer, CancellationToken cancellationToken)
    {
        if (buffer is not null && buffer.TryGetPreloaded(debtorId, out var preloaded))
            return preloaded;
        var dunningCase = await cases.FindAsync(debtorId, cancellationToken).ConfigureAwait(false);
        var debtor = await debtors.FindAsync(debtorId, cancellationToken).ConfigureAwait(false);
        if (debtor is null)
            return new DebtorData(dunningCase, null, [], [], [], []);
        var all = await invoices.ListByDebtorAsync(debtorId, cancellationToken).ConfigureAwait(false);
        var entries = await outbox.ListByDebtorAsync(debtorId, cancellationToken).ConfigureAwait(false);
        var links = await conversations.ListByDebtorAsync(debtorId, cancellationToken).ConfigureAwait(false);
        var running = await followUps.ListRunningAsync([debtorId], cancellationToken).ConfigureAwait(false);
        return new DebtorData(dunningCase, debtor, all, entries, links, running);
    }
}
