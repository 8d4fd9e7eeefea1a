using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>Payment agreements in LiteDB, indexed by debtor and state.</summary>
public sealed class LiteAgreementStore(LiteDbContext context) : LiteStore<PaymentAgreement>(context, LiteDbContext.Agreements), IAgreementStore
{
    public Task<PaymentAgreement?> FindAsync(string id, CancellationToken cancellationToken) => FindByIdAsync(id, cancellationToken);

    public Task<IReadOnlyList<PaymentAgreement>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        FindManyAsync(Queries.Eq("DebtorId", debtorId), cancellationToken);

    public Task<IReadOnlyList<PaymentAgreement>> ListByStateAsync(AgreementState state, CancellationToken cancellationToken) =>
        FindManyAsync(AgreementDocument.StoredNames(state) is [var only] ? Queries.Eq("State", only) : Queries.In("State", AgreementDocument.StoredNames(state)), cancellationToken);

    public Task SaveAsync(PaymentAgreement agreement, CancellationToken cancellationToken) => SaveEntityAsync(agreement, cancellationToken);

    private protected override BsonDocument ToBson(PaymentAgreement entity) => AgreementDocument.ToBson(entity);

    private protected override PaymentAgreement FromBson(BsonDocument document) => AgreementDocument.FromBson(document);

    private protected override int VersionOf(PaymentAgreement entity) => entity.Version;

    private protected override void SetVersion(PaymentAgreement entity, int version) => entity.Version = version;
}
