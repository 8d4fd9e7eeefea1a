using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Storage.PostgreSql;

public sealed partial class PostgreSqlOutbox
{
    public async Task<OutboxEntry?> FindAsync(string key, CancellationToken cancellationToken) =>
        (await SelectAsync("WHERE key = $1", [key], cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<OutboxEntry>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        SelectAsync("WHERE debtor_id = $1 ORDER BY created_at DESC", [debtorId], cancellationToken);

    public async Task<IReadOnlyList<OutboxEntry>> ListByDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtorIds);
        return debtorIds.Count == 0 ? [] : await SelectAsync("WHERE debtor_id = ANY($1)", [debtorIds.ToArray()], cancellationToken).ConfigureAwait(false);
    }

    public Task<int> CountOpenAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(false, async (connection, transaction) =>
            (int)(await PostgreSqlCommands.ColumnAsync<long>(connection, transaction, "SELECT count(*) FROM outbox WHERE due_at IS NOT NULL", [],
                cancellationToken).ConfigureAwait(false))[0], cancellationToken);

    public Task<DateTimeOffset?> NextAttemptAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(false, async (connection, transaction) =>
        {
            var first = await PostgreSqlCommands.ColumnAsync<long>(connection, transaction,
                "SELECT due_at FROM outbox WHERE due_at IS NOT NULL ORDER BY due_at LIMIT 1", [], cancellationToken).ConfigureAwait(false);
            return first.Count == 0 ? null : (DateTimeOffset?)new DateTimeOffset(first[0], TimeSpan.Zero);
        }, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ListAwaitingReceiptAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        return SelectAsync("WHERE awaiting_in = $1", [conversationKey], cancellationToken);
    }

    public Task<IReadOnlyList<OutboxEntry>> ListFallbackDueAsync(DateTimeOffset sentBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return SelectAsync("WHERE fallback_due <= $1 ORDER BY fallback_due LIMIT $2", [sentBefore.UtcTicks, limit], cancellationToken);
    }

    private async Task<IReadOnlyList<OutboxEntry>> SelectAsync(string tail, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        await database.ReadAsync(false, (connection, transaction) => Entries.SelectAsync(connection, transaction, tail, parameters, cancellationToken),
            cancellationToken).ConfigureAwait(false);
}
