using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// The outbox in the same PostgreSQL database as the cases, so an enqueue and the case's advance commit together. A unique
/// index on <c>key</c> refuses a second entry for the same stage; writers that check keys before inserting hold one
/// transaction-scoped advisory lock, so two hosts cannot both find a key free. Leases take due rows with
/// <c>FOR UPDATE SKIP LOCKED</c>: dispatchers on several hosts never take the same entry, and none waits for another.
/// </summary>
public sealed partial class PostgreSqlOutbox(PostgreSqlDatabase database) : IOutbox, IOutboxReceipts
{
    /// <summary>The advisory lock of the key checks (an arbitrary fixed number, distinct from the migrations').</summary>
    private const long KeysLock = 0x4F7574626F78; // "Outbox"

    private static readonly DocumentTable<OutboxEntry> Entries = PostgreSqlTables.Outbox;
    private static readonly DocumentTable<DunningCase> Cases = PostgreSqlTables.Cases;

    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public async Task<bool> EnqueueAsync(OutboxEntry entry, DunningCase dunningCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(dunningCase);
        var landed = await CommitAsync([new PendingWrite(dunningCase, entry)], throwOnConflict: true, cancellationToken).ConfigureAwait(false);
        return landed[0];
    }

    public Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return CommitAsync(writes, throwOnConflict: false, cancellationToken);
    }

    /// <summary>
    /// Under the keys lock: a write whose entry key is taken (or named twice) or whose case is named a second time is
    /// refused; the remaining cases are written with their version check (one round trip), and the entries of the cases
    /// that landed are inserted. <paramref name="throwOnConflict"/>: a stale case throws instead of being refused.
    /// </summary>
    private async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<PendingWrite> writes, bool throwOnConflict, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
            return [];
        var verdicts = await database.WriteAsync(false, async (connection, transaction) =>
        {
            await using (var lockKeys = PostgreSqlCommands.Command("SELECT pg_advisory_xact_lock($1)", connection, transaction, [KeysLock]))
                await lockKeys.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var keys = writes.Where(w => w.Entry is not null).Select(w => w.Entry!.Key).ToArray();
            var taken = (await PostgreSqlCommands.ColumnAsync<string>(connection, transaction, "SELECT key FROM outbox WHERE key = ANY($1)", [keys],
                cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var once = new HashSet<string>(StringComparer.Ordinal);
            var verdict = writes.Select(w => once.Add(w.Case.DebtorId) && (w.Entry is null || taken.Add(w.Entry.Key))).ToArray();
            if (throwOnConflict && !verdict[0])
                return verdict;
            await using (var caseWrites = new NpgsqlBatch(connection, transaction))
            {
                var written = Enumerable.Range(0, writes.Count).Where(i => verdict[i]).ToList();
                foreach (var i in written)
                    caseWrites.BatchCommands.Add(Cases.WriteCommand(writes[i].Case));
                if (written.Count > 0)
                    await caseWrites.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                for (var n = 0; n < written.Count; n++)
                {
                    if (caseWrites.BatchCommands[n].RecordsAffected == 0)
                        verdict[written[n]] = throwOnConflict
                            ? throw PostgreSqlErrors.Conflict(Cases.Name, writes[written[n]].Case.DebtorId, $"expected version {writes[written[n]].Case.Version}")
                            : false;
                }
            }
            var entries = writes.Where((w, i) => verdict[i] && w.Entry is not null).Select(w => w.Entry!).ToList();
            await Entries.WriteAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
            return verdict;
        }, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < writes.Count; i++)
        {
            if (!verdicts[i])
                continue;
            writes[i].Case.Version++;
            if (writes[i].Entry is { } entry)
                entry.Version = 1;
        }
        return verdicts;
    }

    public async Task<IReadOnlyList<OutboxEntry>> LeaseAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var taken = await database.WriteAsync(false, async (connection, transaction) =>
        {
            var due = await Entries.SelectAsync(connection, transaction, "WHERE due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED",
                [now.UtcTicks, limit], cancellationToken).ConfigureAwait(false);
            foreach (var entry in due)
            {
                entry.Status = OutboxStatus.Sending;
                entry.LeaseUntil = now + lease;
                entry.LeaseId = Guid.NewGuid().ToString("N");
                entry.Attempts++;
            }
            await Entries.WriteAsync(connection, transaction, due, cancellationToken).ConfigureAwait(false);
            return due;
        }, cancellationToken).ConfigureAwait(false);
        Entries.Advance(taken);
        return taken;
    }

    public async Task<bool> CompleteAsync(OutboxEntry entry, DunningCase? dunningCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (leaseId, leaseUntil) = (entry.LeaseId, entry.LeaseUntil);
        if (entry.Status != OutboxStatus.Sending)
            (entry.LeaseId, entry.LeaseUntil) = (null, null);
        bool written;
        try
        {
            written = await database.WriteAsync(false, async (connection, transaction) =>
            {
                // Still ours: a lease taken since (by another dispatcher) moved the version on.
                await using (var held = PostgreSqlCommands.Command("SELECT 1 FROM outbox WHERE id = $1 AND version = $2 AND lease_id IS NOT DISTINCT FROM $3 FOR UPDATE",
                    connection, transaction, [entry.Id, entry.Version, leaseId]))
                {
                    if (await held.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
                        return false;
                }
                await Entries.WriteAsync(connection, transaction, [entry], cancellationToken).ConfigureAwait(false);
                if (dunningCase is not null)
                    await Cases.WriteAsync(connection, transaction, [dunningCase], cancellationToken).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            (entry.LeaseId, entry.LeaseUntil) = (leaseId, leaseUntil);
            throw;
        }
        if (!written)
        {
            (entry.LeaseId, entry.LeaseUntil) = (leaseId, leaseUntil);
            return false;
        }
        entry.Version++;
        if (dunningCase is not null)
            dunningCase.Version++;
        return true;
    }
}
