using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// <see cref="IAuditLog"/> in LiteDB (collection <c>staff_audit</c>, insert-only, indexed by time and debtor). Nothing here
/// updates or deletes an entry.
/// </summary>
public sealed class LiteAuditLog : IAuditLog
{
    internal const string CollectionName = "staff_audit";
    private readonly LiteDbContext context;

    public LiteAuditLog(LiteDbContext context)
    {
        this.context = context;
        Collection.EnsureIndex("At", "$.At");
        Collection.EnsureIndex("DebtorId", "$.DebtorId");
    }

    private ILiteCollection<BsonDocument> Collection => context.Collection(CollectionName);

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        Collection.Insert(new BsonDocument
        {
            ["At"] = BsonValues.From(entry.At),
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["Target"] = entry.Target,
            ["Before"] = entry.Before,
            ["After"] = entry.After,
            ["DebtorId"] = entry.DebtorId,
        });
        return Task.CompletedTask;
    }

    /// <summary>The latest <paramref name="limit"/> entries, newest first, optionally of one debtor.</summary>
    public Task<IReadOnlyList<AuditEntry>> ListAsync(string? debtorId, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Insertion order (ObjectId), newest first: entries written in the same instant keep their order.
        var query = Query.All("_id", Query.Descending);
        if (debtorId is not null)
            query.Where.Add(Query.EQ("DebtorId", debtorId));
        var found = Collection.Find(query, limit: limit).Select(FromBson).ToList();
        return Task.FromResult<IReadOnlyList<AuditEntry>>(found);
    }

    private static AuditEntry FromBson(BsonDocument d) =>
        new(BsonValues.ToDateTimeOffset(d["At"]), d["Actor"].AsString, d["Action"].AsString, d["Target"].AsString,
            BsonValues.ToNullableString(d["Before"]), BsonValues.ToNullableString(d["After"]))
        {
            DebtorId = BsonValues.ToNullableString(d["DebtorId"]),
        };
}
