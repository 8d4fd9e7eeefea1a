using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>Debtors in LiteDB; access codes and link tokens are unique indexes.</summary>
public sealed class LiteDebtorStore(LiteDbContext context) : LiteStore<Debtor>(context, LiteDbContext.Debtors), IDebtorStore
{
    public Task<Debtor?> FindAsync(string id, CancellationToken cancellationToken) => FindByIdAsync(id, cancellationToken);

    public Task<IReadOnlyList<Debtor>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        FindManyByIdAsync(ids, cancellationToken);

    public Task<IReadOnlySet<string>> AccessCodesInUseAsync(IReadOnlyCollection<string> accessCodes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlySet<string>>(
            BulkReads.FindIn(Database, Collection, "AccessCode", accessCodes, d => d["AccessCode"].AsString).ToHashSet(StringComparer.Ordinal));
    }

    public Task<Debtor?> FindByAccessCodeAsync(string accessCode, CancellationToken cancellationToken) =>
        FindOneAsync(Queries.Eq("AccessCode", accessCode), cancellationToken);

    public Task<Debtor?> FindByLinkTokenAsync(string linkToken, CancellationToken cancellationToken) =>
        FindOneAsync(Queries.Eq("LinkToken", linkToken), cancellationToken);

    public Task<IReadOnlyList<Debtor>> ListAsync(CancellationToken cancellationToken) => FindAllAsync(cancellationToken);

    public Task SaveAsync(Debtor debtor, CancellationToken cancellationToken) => SaveEntityAsync(debtor, cancellationToken);

    private protected override BsonDocument ToBson(Debtor entity) => DebtorDocument.ToBson(entity);

    private protected override Debtor FromBson(BsonDocument document) => DebtorDocument.FromBson(document);

    private protected override int VersionOf(Debtor entity) => entity.Version;

    private protected override void SetVersion(Debtor entity, int version) => entity.Version = version;
}
