using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// The outbox in the same LiteDB file as the cases, so an enqueue and the case's advance commit together. A unique
/// index on <c>Key</c> refuses a second entry for the same stage; the <c>DueAt</c> index gives the dispatcher the due
/// and the lease-expired entries in order. Each method runs synchronously inside one LiteDB transaction (they are bound
/// to the calling thread).
/// </summary>
public sealed partial class LiteOutbox : IOutbox, IOutboxReceipts
{
    internal const string Collection = "outbox";

    private readonly LiteDbContext context;

    public LiteOutbox(LiteDbContext context)
    {
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        Entries.EnsureIndex("Key", "$.Key", unique: true);
        Entries.EnsureIndex("DueAt", "$.DueAt");
        Entries.EnsureIndex("DebtorId", "$.DebtorId");
        Entries.EnsureIndex("AwaitingIn", "$.AwaitingIn");
        Entries.EnsureIndex("FallbackDue", "$.FallbackDue");
    }

    private ILiteCollection<BsonDocument> Entries => context.Collection(Collection);

    private ILiteCollection<BsonDocument> Cases => context.Collection(LiteDbContext.Cases);

    public Task<bool> EnqueueAsync(OutboxEntry entry, DunningCase dunningCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(dunningCase);
        cancellationToken.ThrowIfCancellationRequested();
        var written = InTransaction(() =>
        {
            try
            {
                Entries.Insert(Versioned(OutboxDocument.ToBson(entry), 1));
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                return false;
            }
            VersionedWrites.Write(Cases, CaseDocument.ToBson(dunningCase), dunningCase.Version);
            return true;
        });
        if (written)
        {
            entry.Version = 1;
            dunningCase.Version++;
        }
        return Task.FromResult(written);
    }

    public Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        cancellationToken.ThrowIfCancellationRequested();
        // Both write locks are taken first, so the versions and keys checked below cannot change before the writes land;
        // checked before writing, because a failing write inside a LiteDB transaction would roll back the whole page.
        // A page names each case once; a second write for the same case is refused like a stale one. Then the entries go
        // in as one bulk insert and the cases as one bulk update.
        var landed = InTransaction(() =>
        {
            VersionedWrites.Lock(Entries);
            VersionedWrites.Lock(Cases);
            var taken = BulkReads.FindIn(context.Database, Entries, "Key", [.. writes.Where(w => w.Entry is not null).Select(w => w.Entry!.Key)],
                d => d["Key"].AsString).ToHashSet(StringComparer.Ordinal);
            var versions = BulkReads.FindIn(context.Database, Cases, "_id", [.. writes.Select(w => w.Case.DebtorId)],
                d => (Id: d["_id"].AsString, Version: d["Version"].AsInt32)).ToDictionary(d => d.Id, d => d.Version, StringComparer.Ordinal);
            var once = new HashSet<string>(StringComparer.Ordinal);
            var verdicts = writes.Select(w => versions.GetValueOrDefault(w.Case.DebtorId) == w.Case.Version && once.Add(w.Case.DebtorId)
                && (w.Entry is null || taken.Add(w.Entry.Key))).ToList();
            var accepted = writes.Where((_, i) => verdicts[i]).ToList();
            Entries.InsertBulk(accepted.Where(w => w.Entry is not null).Select(w => Versioned(OutboxDocument.ToBson(w.Entry!), 1)));
            var (created, updated) = (accepted.Where(w => w.Case.Version == 0), accepted.Where(w => w.Case.Version > 0));
            Cases.InsertBulk(created.Select(w => Versioned(CaseDocument.ToBson(w.Case), 1)));
            Cases.Update(updated.Select(w => Versioned(CaseDocument.ToBson(w.Case), w.Case.Version + 1)));
            return verdicts;
        });
        for (var i = 0; i < writes.Count; i++)
        {
            if (!landed[i])
                continue;
            writes[i].Case.Version++;
            if (writes[i].Entry is { } entry)
                entry.Version = 1;
        }
        return Task.FromResult<IReadOnlyList<bool>>(landed);
    }

    private static BsonDocument Versioned(BsonDocument document, int version)
    {
        document["Version"] = version;
        return document;
    }

    public Task<IReadOnlyList<OutboxEntry>> LeaseAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var taken = InTransaction(() =>
        {
            // The write lock first: two dispatchers leasing at once must not both read the same due entries.
            VersionedWrites.Lock(Entries);
            var due = Entries.Query().Where(Query.Between("DueAt", 0L, BsonValues.From(now))).OrderBy("DueAt").Limit(limit).ToList();
            var result = new List<OutboxEntry>(due.Count);
            foreach (var doc in due)
            {
                var entry = OutboxDocument.FromBson(doc);
                entry.Status = OutboxStatus.Sending;
                entry.LeaseUntil = now + lease;
                entry.LeaseId = Guid.NewGuid().ToString("N");
                entry.Attempts++;
                entry.Version++;
                Entries.Update(OutboxDocument.ToBson(entry));
                result.Add(entry);
            }
            return result;
        });
        return Task.FromResult<IReadOnlyList<OutboxEntry>>(taken);
    }

    public Task<bool> CompleteAsync(OutboxEntry entry, DunningCase? dunningCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        var written = InTransaction(() =>
        {
            var stored = Entries.FindById(entry.Id);
            if (stored is null || BsonValues.ToNullableString(stored["LeaseId"]) != entry.LeaseId || stored["Version"].AsInt32 != entry.Version)
                return false;
            var doc = OutboxDocument.ToBson(entry);
            doc["Version"] = entry.Version + 1;
            if (entry.Status != OutboxStatus.Sending)
            {
                doc["LeaseId"] = BsonValue.Null;
                doc["LeaseUntil"] = BsonValue.Null;
            }
            try
            {
                Entries.Update(doc);
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                throw new UniqueValueException($"outbox entry {entry.Id}: key {entry.Key} is taken. Nothing was written.", ex);
            }
            if (dunningCase is not null)
                VersionedWrites.Write(Cases, CaseDocument.ToBson(dunningCase), dunningCase.Version);
            return true;
        });
        if (written)
        {
            entry.Version++;
            if (entry.Status != OutboxStatus.Sending)
                (entry.LeaseId, entry.LeaseUntil) = (null, null);
            if (dunningCase is not null)
                dunningCase.Version++;
        }
        return Task.FromResult(written);
    }

    public Task<OutboxEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var doc = Entries.FindOne(Queries.Eq("Key", key));
        return Task.FromResult(doc is null ? null : OutboxDocument.FromBson(doc));
    }

    public Task<IReadOnlyList<OutboxEntry>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<OutboxEntry> entries = [.. Entries.Find(Queries.Eq("DebtorId", debtorId)).Select(OutboxDocument.FromBson).OrderByDescending(e => e.CreatedAt)];
        return Task.FromResult(entries);
    }

    public Task<IReadOnlyList<OutboxEntry>> ListByDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtorIds);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<OutboxEntry> entries = [.. BulkReads.FindIn(context.Database, Entries, "DebtorId", debtorIds, OutboxDocument.FromBson)];
        return Task.FromResult(entries);
    }

    public Task<int> CountOpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Entries.Count(Query.Not("DueAt", BsonValue.Null)));
    }

    public Task<DateTimeOffset?> NextAttemptAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var first = Entries.Query().Where(Query.Not("DueAt", BsonValue.Null)).OrderBy("DueAt").Limit(1).FirstOrDefault();
        return Task.FromResult(first is null ? null : (DateTimeOffset?)BsonValues.ToDateTimeOffset(first["DueAt"]));
    }

    private T InTransaction<T>(Func<T> work)
    {
        var database = context.Database;
        if (!database.BeginTrans())
            throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        try
        {
            var result = work();
            // A refused write (false) leaves nothing behind.
            if (result is false)
                database.Rollback();
            else
                database.Commit();
            return result;
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }
}
