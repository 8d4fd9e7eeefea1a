using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>Escalations in LiteDB; open ones come most urgent first, then oldest first.</summary>
public sealed class LiteEscalationStore(LiteDbContext context) : LiteStore<Escalation>(context, LiteDbContext.Escalations), IEscalationStore
{
    public Task<Escalation?> FindAsync(string id, CancellationToken cancellationToken) => FindByIdAsync(id, cancellationToken);

    public async Task<IReadOnlyList<Escalation>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var open = await FindManyAsync(Query.Not("State", BsonValues.From(EscalationState.Resolved)), cancellationToken);
        return [.. open.OrderByDescending(e => e.Priority).ThenBy(e => e.RaisedAt)];
    }

    public Task<IReadOnlyList<Escalation>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        FindManyAsync(Queries.Eq("DebtorId", debtorId), cancellationToken);

    public Task SaveAsync(Escalation escalation, CancellationToken cancellationToken) => SaveEntityAsync(escalation, cancellationToken);

    private protected override BsonDocument ToBson(Escalation entity) => EscalationDocument.ToBson(entity);

    private protected override Escalation FromBson(BsonDocument document) => EscalationDocument.FromBson(document);

    private protected override int VersionOf(Escalation entity) => entity.Version;

    private protected override void SetVersion(Escalation entity, int version) => entity.Version = version;
}
