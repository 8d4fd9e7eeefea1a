using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// Transcript entries in LiteDB, append-only. The auto-increment <c>_id</c> keeps the order of appends, so entries with
/// the same time come back in the order they were written. Appends join the flow's <see cref="LiteUnitOfWork"/>.
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

    public Task AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        var document = ToBson(entry);
        if (context.UnitOfWork is { } unit)
            unit.Defer(() => collection.Insert(document));
        else
            collection.Insert(document);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TranscriptEntry>> ListAsync(string conversationKey, DateTimeOffset? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var query = collection.Query().Where(Queries.Eq("ConversationKey", conversationKey));
        if (after is { } from)
            query = query.Where(Query.GT("At", BsonValues.From(from)));
        return Task.FromResult<IReadOnlyList<TranscriptEntry>>([.. query.OrderBy("_id").Limit(limit).ToEnumerable().Select(FromBson)]);
    }

    public Task<IReadOnlyList<TranscriptEntry>> ListByDebtorAsync(string debtorId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var latest = collection.Query().Where(Queries.Eq("DebtorId", debtorId)).OrderByDescending("_id").Limit(limit).ToList();
        latest.Reverse();
        return Task.FromResult<IReadOnlyList<TranscriptEntry>>([.. latest.Select(FromBson)]);
    }

    private static BsonDocument ToBson(TranscriptEntry entry) => new()
    {
        ["ConversationKey"] = entry.ConversationKey,
        ["DebtorId"] = entry.DebtorId,
        ["At"] = BsonValues.From(entry.At),
        ["Direction"] = BsonValues.From(entry.Direction),
        ["Type"] = entry.Type,
        ["Text"] = entry.Text,
        ["Sender"] = entry.Sender,
        ["Buttons"] = BsonValues.Strings(entry.Buttons),
        ["Attachments"] = BsonValues.Strings(entry.Attachments),
        ["Images"] = BsonValues.Strings(entry.Images),
        ["Value"] = entry.Value,
        ["Name"] = entry.Name,
        ["ActivityId"] = entry.ActivityId,
    };

    private static TranscriptEntry FromBson(BsonDocument doc) => new(
        doc["ConversationKey"].AsString,
        BsonValues.ToNullableString(doc["DebtorId"]),
        BsonValues.ToDateTimeOffset(doc["At"]),
        BsonValues.ToEnum<TranscriptDirection>(doc["Direction"]),
        doc["Type"].AsString,
        BsonValues.ToNullableString(doc["Text"]),
        BsonValues.ToNullableString(doc["Sender"]))
    {
        Buttons = BsonValues.ToStrings(doc["Buttons"]),
        Attachments = BsonValues.ToStrings(doc["Attachments"]),
        Images = BsonValues.ToStrings(doc["Images"]),
        Value = BsonValues.ToNullableString(doc["Value"]),
        Name = BsonValues.ToNullableString(doc["Name"]),
        ActivityId = BsonValues.ToNullableString(doc["ActivityId"]),
    };
}
