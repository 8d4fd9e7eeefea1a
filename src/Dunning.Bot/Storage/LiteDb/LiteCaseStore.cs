using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>Dunning cases in LiteDB; the due sweep walks the <c>NextActionAt</c> index.</summary>
public sealed class LiteCaseStore(LiteDbContext context) : LiteStore<DunningCase>(context, LiteDbContext.Cases), ICaseStore
{
    public Task<DunningCase?> FindAsync(string debtorId, CancellationToken cancellationToken) => FindByIdAsync(debtorId, cancellationToken);

    public Task<IReadOnlyList<DunningCase>> FindManyAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken) =>
        FindManyByIdAsync(debtorIds, cancellationToken);

    public Task<IReadOnlyList<DunningCase>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        // Between 0 and now: a case without a next action stores null, which must not count as "due".
        IReadOnlyList<DunningCase> due = [.. Collection.Query()
            .Where(Queries.Between("NextActionAt", 0L, BsonValues.From(now)))
            .OrderBy("NextActionAt")
            .Limit(limit)
            .ToEnumerable()
            .Select(FromBson)];
        return Task.FromResult(due);
    }

    public Task<IReadOnlyList<DunningCase>> ListDueByDebtorAsync(DateTimeOffset now, string? afterDebtorId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        // The _id index in order; the due test on each document (most are due when this is used).
        var until = BsonValues.From(now);
        IReadOnlyList<DunningCase> due = [.. (afterDebtorId is null ? Collection.FindAll() : Collection.Find(Queries.Greater("_id", afterDebtorId)))
            .Where(d => d["NextActionAt"] is { IsNull: false } next && next.CompareTo(until) <= 0)
            .Take(limit)
            .Select(FromBson)];
        return Task.FromResult(due);
    }

    public Task<int> CountAsync(DateTimeOffset? dueAt, int cap, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Index keys only (LiteDB's Count reads every document).
        var keys = dueAt is { } now
            ? Collection.Query().Where(Queries.Between("NextActionAt", 0L, BsonValues.From(now))).Select(BsonExpression.Create("$.NextActionAt"))
            : Collection.Query().Select(BsonExpression.Create("$._id"));
        return Task.FromResult(keys.ToEnumerable().Take(cap).Count());
    }

    public Task<IReadOnlyList<DunningCase>> ListAsync(CancellationToken cancellationToken) => FindAllAsync(cancellationToken);

    public Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken) => SaveEntityAsync(dunningCase, cancellationToken);

    private protected override BsonDocument ToBson(DunningCase entity) => CaseDocument.ToBson(entity);

    private protected override DunningCase FromBson(BsonDocument document) => CaseDocument.FromBson(document);

    private protected override int VersionOf(DunningCase entity) => entity.Version;

    private protected override void SetVersion(DunningCase entity, int version) => entity.Version = version;
}
