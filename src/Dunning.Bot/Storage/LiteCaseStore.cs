using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.Documents;
using LiteDB;

namespace Dunning.Bot.Storage;

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

    public Task<IReadOnlyList<DunningCase>> ListAsync(CancellationToken cancellationToken) => FindAllAsync(cancellationToken);

    public Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken) => SaveEntityAsync(dunningCase, cancellationToken);

    private protected override BsonDocument ToBson(DunningCase entity) => CaseDocument.ToBson(entity);

    private protected override DunningCase FromBson(BsonDocument document) => CaseDocument.FromBson(document);

    private protected override int VersionOf(DunningCase entity) => entity.Version;

    private protected override void SetVersion(DunningCase entity, int version) => entity.Version = version;
}
