using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>Conversation links in LiteDB, indexed by debtor and handoff state; versioned saves.</summary>
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

    public async Task<IReadOnlyList<ConversationLink>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        [.. (await FindManyAsync(Queries.Eq("DebtorId", debtorId), cancellationToken)).OrderByDescending(l => l.LastInboundAt)];

    public Task<IReadOnlyList<ConversationLink>> ListByDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken) =>
        FindInAsync("DebtorId", debtorIds, cancellationToken);

    public Task<IReadOnlyList<ConversationLink>> ListHandedOffAsync(CancellationToken cancellationToken) =>
        FindManyAsync(Query.Not("Handoff", BsonValues.From(HandoffState.Bot)), cancellationToken);

    public Task SaveAsync(ConversationLink link, CancellationToken cancellationToken) => SaveEntityAsync(link, cancellationToken);

    /// <summary>A turn reads its link by key and saves it at the end: both join the turn's unit of work.</summary>
    private protected override bool JoinsUnitOfWork => true;

    private protected override BsonDocument ToBson(ConversationLink entity) => ConversationDocument.ToBson(entity);

    private protected override ConversationLink FromBson(BsonDocument document) => ConversationDocument.FromBson(document);

    private protected override int VersionOf(ConversationLink entity) => entity.Version;

    private protected override void SetVersion(ConversationLink entity, int version) => entity.Version = version;
}
