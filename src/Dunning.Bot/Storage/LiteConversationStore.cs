using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.Documents;
using LiteDB;

namespace Dunning.Bot.Storage;

/// <summary>
/// Conversations in LiteDB, looked up by key and by debtor (most recent inbound first). Registered by the scheduling
/// extension only when no other <see cref="IConversationStore"/> is (TryAdd), so a fuller store can replace it.
/// </summary>
public sealed class LiteConversationStore : LiteStore<ConversationLink>, IConversationStore
{
    internal const string CollectionName = "conversations";

    public LiteConversationStore(LiteDbContext context)
        : base(context, CollectionName)
    {
        Collection.EnsureIndex("DebtorId", "$.DebtorId");
        Collection.EnsureIndex("Handoff", "$.Handoff");
    }

    public Task<ConversationLink?> FindAsync(string key, CancellationToken cancellationToken) => FindByIdAsync(key, cancellationToken);

    public async Task<IReadOnlyList<ConversationLink>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken)
    {
        var links = await FindManyAsync(Queries.Eq("DebtorId", debtorId), cancellationToken);
        return [.. links.OrderByDescending(l => l.LastInboundAt ?? l.LinkedAt)];
    }

    public Task<IReadOnlyList<ConversationLink>> ListHandedOffAsync(CancellationToken cancellationToken) =>
        FindManyAsync(Query.Not("Handoff", BsonValues.From(HandoffState.Bot)), cancellationToken);

    public Task SaveAsync(ConversationLink link, CancellationToken cancellationToken) => SaveEntityAsync(link, cancellationToken);

    private protected override BsonDocument ToBson(ConversationLink entity) => ConversationDocument.ToBson(entity);

    private protected override ConversationLink FromBson(BsonDocument document) => ConversationDocument.FromBson(document);

    private protected override int VersionOf(ConversationLink entity) => entity.Version;

    private protected override void SetVersion(ConversationLink entity, int version) => entity.Version = version;
}
