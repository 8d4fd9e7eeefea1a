using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// Transcript entries in LiteDB, append-only. The auto-increment <c>_id</c> keeps the order of appends, so entries with
/// the same time come back in the order they were written. Appends join the flow's <see cref="LiteUnitOfWork"/>, and
/// the entries a unit appends in a row for one conversation and debtor share one document (see
/// <see cref="TranscriptDocument"/>, which also reads the one-entry documents of older files).
/// </summary>
public sealed class LiteTranscriptStore : ITranscriptStore
{
    internal const string CollectionName = "transcripts";

    private readonly LiteDbContext context;
    private readonly ILiteCollection<BsonDocument> collection;

    public LiteTranscriptStore(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        collection = context.Database.GetCollection(CollectionName, BsonAutoId.Int64);
        collection.EnsureIndex("ConversationKey", "$.ConversationKey");
        collection.EnsureIndex("DebtorId", "$.DebtorId");
    }

    /// <summary>How many entries the file holds (documents of a turn hold several): for tests and benchmarks.</summary>
    internal static int CountEntries(LiteDatabase database) =>
        database.GetCollection(CollectionName).FindAll().Sum(d => TranscriptDocument.Entries(d).Count());

    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        if (context.UnitOfWork is not { } unit)
        {
            collection.Insert(TranscriptDocument.New(entry));
            return Task.CompletedTask;
        }
        // A turn's entries (its message, the replies) go into the one document this unit opened last, if it is the same
        // conversation's and debtor's: one insert and one node per index a turn instead of one per activity.
        if (unit.Batch<BsonDocument>(this) is { } open && TranscriptDocument.Takes(open, entry))
        {
            TranscriptDocument.Add(open, entry);
            return Task.CompletedTask;
        }
        var document = TranscriptDocument.New(entry);
        unit.SetBatch(this, document);
        unit.Defer(() => collection.Insert(document));
        return Task.CompletedTask;
    }

    /// <remarks>
    /// Every document holds at least one entry after <paramref name="after"/> (its <c>At</c> is its latest entry's), so
    /// the first <paramref name="limit"/> documents hold the page.
    /// </remarks>
    public Task<IReadOnlyList<TranscriptEntry>> ListAsync(string conversationKey, DateTimeOffset? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var query = collection.Query().Where(Queries.Eq("ConversationKey", conversationKey));
        if (after is { } from)
            query = query.Where(Query.GT("At", BsonValues.From(from)));
        var documents = query.OrderBy("_id").Limit(limit).ToList();
        return Task.FromResult<IReadOnlyList<TranscriptEntry>>(
            [.. documents.SelectMany(TranscriptDocument.Entries).Where(e => after is null || e.At > after).Take(limit)]);
    }

    public Task<IReadOnlyList<TranscriptEntry>> ListByDebtorAsync(string debtorId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var latest = collection.Query().Where(Queries.Eq("DebtorId", debtorId)).OrderByDescending("_id").Limit(limit).ToList();
        latest.Reverse();
        List<TranscriptEntry> entries = [.. latest.SelectMany(TranscriptDocument.Entries)];
        return Task.FromResult<IReadOnlyList<TranscriptEntry>>(entries[Math.Max(0, entries.Count - limit)..]);
    }
}
