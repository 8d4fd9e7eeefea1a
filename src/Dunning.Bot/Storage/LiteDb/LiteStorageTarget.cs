using System.Runtime.CompilerServices;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Storage.LiteDb.Documents;
using Dunning.Bot.Storage.Migration;
using Dunning.Bot.Uploads;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// A LiteDB file as the target of a copy (the dry runs' private copy of a PostgreSQL database, see <c>Cli/PrivateCopy</c>):
/// the entity kinds of <see cref="Kinds"/>, written with the documents' own mappings — what the stores write, versions
/// kept — and read back for the verification through <see cref="LiteStorageSource"/>, the reads <c>migrate-storage</c>
/// trusts. Each batch is one LiteDB transaction.
/// </summary>
internal sealed class LiteStorageTarget(LiteDbContext context) : IFileStorageTarget
{
    /// <summary>
    /// A target writing a new LiteDB file at <paramref name="path"/> (opened directly, without the read cache); disposing
    /// the target closes the file. Callers outside the provider see only the ports.
    /// </summary>
    public static IFileStorageTarget IntoNewFile(string path, string? password) =>
        new LiteStorageTarget(new LiteDbContext(new StorageOptions { Path = path, Password = password, Connection = StorageConnection.Direct, CachedDocuments = 0 }));

    public void Dispose() => context.Dispose();

    private const int ReadBatch = 500;

    private static readonly Dictionary<string, (string Collection, Func<object, BsonDocument> ToBson)> Mappings = new(StringComparer.Ordinal)
    {
        [StoredKinds.Debtors] = (LiteDbContext.Debtors, v => DebtorDocument.ToBson((Debtor)v)),
        [StoredKinds.Invoices] = (LiteDbContext.Invoices, v => InvoiceDocument.ToBson((Invoice)v)),
        [StoredKinds.Cases] = (LiteDbContext.Cases, v => CaseDocument.ToBson((DunningCase)v)),
        [StoredKinds.Agreements] = (LiteDbContext.Agreements, v => AgreementDocument.ToBson((PaymentAgreement)v)),
        [StoredKinds.Escalations] = (LiteDbContext.Escalations, v => EscalationDocument.ToBson((Escalation)v)),
        [StoredKinds.Conversations] = (LiteConversationStore.CollectionName, v => ConversationDocument.ToBson((ConversationLink)v)),
        [StoredKinds.Outbox] = (LiteOutbox.Collection, v => OutboxDocument.ToBson((OutboxEntry)v)),
    };

    /// <summary>The kinds this target writes, in <see cref="StoredKinds.All"/>'s order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. StoredKinds.All.Where(Mappings.ContainsKey)];

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads the kind whole: the copy writes into a fresh file and never compares first.</summary>
    public async Task<IReadOnlyDictionary<string, StoredRecord>> FindAsync(string kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        await foreach (var record in ReadAllAsync(kind, cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(record.Id))
                found[record.Id] = record;
        }
        return found;
    }

    public Task WriteAsync(string kind, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var (collection, toBson) = Mapping(kind);
        cancellationToken.ThrowIfCancellationRequested();
        context.Collection(collection).Upsert(records.Select(r => toBson(r.Value)));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredRecord> ReadAllAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _ = Mapping(kind);
        using var source = new LiteStorageSource(context, new UploadOptions());
        await foreach (var batch in source.ReadAsync(kind, ReadBatch, cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in batch)
                yield return record;
        }
    }

    private static (string Collection, Func<object, BsonDocument> ToBson) Mapping(string kind) =>
        Mappings.TryGetValue(kind, out var mapping) ? mapping : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind a LiteDB copy holds.");
}
