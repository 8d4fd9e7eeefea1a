using System.Runtime.CompilerServices;
using Dunning.Bot.Storage.LiteDb.Documents;
using Dunning.Bot.Storage.Migration;
using Dunning.Bot.Uploads;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// A LiteDB file as the source of a storage migration (<c>migrate-storage</c>). The entities come through the
/// documents' own mappings and the stores' reads — what the host reads is what moves. Collections with ids are read
/// page by page in id order (each page read whole before it is handed on: LiteDB's reads belong to one thread);
/// transcripts per conversation and the audit log whole, in the order they were written.
/// </summary>
internal sealed partial class LiteStorageSource(LiteDbContext context, UploadOptions uploads) : IStorageSource
{
    private bool ownsContext;

    /// <summary>
    /// Opens the file at <paramref name="path"/> as a source, taking its lock in Direct mode: a running host holds it
    /// (<see cref="DatabaseInUseException"/>), and a copy taken behind its back would miss what it writes meanwhile.
    /// </summary>
    public static IStorageSource Open(string path, string? password, UploadOptions uploads) =>
        new LiteStorageSource(new LiteDbContext(new StorageOptions { Path = path, Password = password, Connection = StorageConnection.Direct, CachedDocuments = 0 }),
            uploads) { ownsContext = true };

    public void Dispose()
    {
        if (ownsContext)
            context.Dispose();
    }

    public async IAsyncEnumerable<IReadOnlyList<StoredRecord>> ReadAsync(string kind, int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var pages = kind switch
        {
            StoredKinds.Debtors => Pages(LiteDbContext.Debtors, batchSize, d => Entity(kind, DebtorDocument.FromBson(d), e => e.Id)),
            StoredKinds.Invoices => Pages(LiteDbContext.Invoices, batchSize, d => Entity(kind, InvoiceDocument.FromBson(d), e => e.Number)),
            StoredKinds.Cases => Pages(LiteDbContext.Cases, batchSize, d => Entity(kind, CaseDocument.FromBson(d), e => e.DebtorId)),
            StoredKinds.Agreements => Pages(LiteDbContext.Agreements, batchSize, d => Entity(kind, AgreementDocument.FromBson(d), e => e.Id)),
            StoredKinds.Escalations => Pages(LiteDbContext.Escalations, batchSize, d => Entity(kind, EscalationDocument.FromBson(d), e => e.Id)),
            StoredKinds.Conversations => Pages(LiteConversationStore.CollectionName, batchSize, d => Entity(kind, ConversationDocument.FromBson(d), e => e.Key)),
            StoredKinds.Outbox => Pages(LiteOutbox.Collection, batchSize, d => Entity(kind, OutboxDocument.FromBson(d), e => e.Id)),
            StoredKinds.BotState => Pages(LiteBotStorage.CollectionName, batchSize,
                d => new StoredRecord(kind, d["_id"].AsString, new BotStateRecord(d["ETag"].AsString, d["Json"].AsBinary))),
            StoredKinds.PayerAccounts => Pages(LitePayerAccountStore.CollectionName, batchSize, d => new StoredRecord(kind, d["_id"].AsString,
                new PayerAccountRecord(d["Iban"].AsString, d["DebtorId"].AsString, Utc(d["LearnedAt"])))),
            StoredKinds.SigningKeys => Pages(LiteSigningKeyStore.Collection, batchSize, d => new StoredRecord(kind, d["_id"].AsString, new SigningKeyRecord(d["Key"].AsBinary))),
            StoredKinds.EmailTokens => Pages(LiteEmailStore.Tokens, batchSize, d => new StoredRecord(kind, d["_id"].AsString, new EmailTokenRecord(d["Token"].AsString))),
            StoredKinds.TeamsServiceUrls => Pages(LiteTeamsStore.ServiceUrlsCollection, batchSize,
                d => new StoredRecord(kind, d["_id"].AsString, new ServiceUrlRecord(Utc(d["FirstSeen"])))),
            _ => ChannelPages(kind, batchSize),
        };
        if (pages is not null)
        {
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return page;
            }
            yield break;
        }
        var whole = await WholeAsync(kind, cancellationToken).ConfigureAwait(false);
        foreach (var page in whole.Chunk(batchSize))
            yield return page;
    }

    /// <summary>The kinds read through their stores (lists without ids, records with files), read whole.</summary>
    private Task<List<StoredRecord>> WholeAsync(string kind, CancellationToken cancellationToken) => kind switch
    {
        StoredKinds.Transcripts => TranscriptsAsync(cancellationToken),
        StoredKinds.AuditLog => AuditLogAsync(cancellationToken),
        StoredKinds.BankReview => BankReviewAsync(cancellationToken),
        StoredKinds.Proofs => ProofsAsync(cancellationToken),
        StoredKinds.StaffAccounts => StaffAccountsAsync(cancellationToken),
        StoredKinds.ChannelState => Task.FromResult(ChannelState()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of stored thing."),
    };

    /// <summary>The documents of <paramref name="collection"/> in id order, <paramref name="size"/> at a time, each page read whole.</summary>
    private IEnumerable<IReadOnlyList<T>> Pages<T>(string collection, int size, Func<BsonDocument, T> map)
    {
        if (!context.Database.CollectionExists(collection))
            yield break;
        var documents = context.Database.GetCollection(collection);
        BsonValue? last = null;
        while (true)
        {
            var query = documents.Query();
            if (last is not null)
                query = query.Where(Query.GT("_id", last));
            var page = query.OrderBy("_id").Limit(size).ToList();
            if (page.Count == 0)
                yield break;
            last = page[^1]["_id"];
            yield return [.. page.Select(map)];
            if (page.Count < size)
                yield break;
        }
    }

    private static StoredRecord Entity<T>(string kind, T entity, Func<T, string> id)
        where T : class => new(kind, id(entity), entity);

    private static DateTimeOffset Utc(BsonValue value) => new(DateTime.SpecifyKind(value.AsDateTime.ToUniversalTime(), DateTimeKind.Utc));
}
