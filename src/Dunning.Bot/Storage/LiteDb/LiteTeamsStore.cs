using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Conversations;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// <see cref="ITeamsStore"/> in the LiteDB file: what the Teams channel keeps besides the conversation links: the serviceUrls that arrived in
/// authenticated activities (so a proactive send after a restart still trusts them), the owner's alert chat and the recently
/// processed inbound activities (one document each, by delivery key, with an index on when).
/// </summary>
public sealed class LiteTeamsStore : ITeamsStore
{
    internal const string ServiceUrlsCollection = "teams_service_urls";
    internal const string OwnerCollection = "teams_owner";
    internal const string DeliveriesCollection = "teams_deliveries";
    internal const string OwnerId = "owner";
    private readonly LiteDbContext context;
    private readonly LiteDatabase database;

    public LiteTeamsStore(LiteDbContext context)
    {
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        database = context.Database;
        Deliveries.EnsureIndex("At", "$.At");
    }

    private ILiteCollection<BsonDocument> Deliveries => database.GetCollection(DeliveriesCollection);

    /// <summary>Every trusted serviceUrl (normalized, see <see cref="TrustedServiceUrls.Normalize"/>).</summary>
    public IReadOnlyList<string> LoadTrustedServiceUrls() =>
        [.. database.GetCollection(ServiceUrlsCollection).FindAll().Select(d => d["_id"].AsString)];

    public void SaveTrustedServiceUrl(string normalizedUrl, DateTimeOffset at) =>
        database.GetCollection(ServiceUrlsCollection).Upsert(new BsonDocument
        {
            ["_id"] = normalizedUrl,
            ["FirstSeen"] = at.UtcDateTime,
        });

    /// <summary>The owner's bound Teams chat, or null when none is bound.</summary>
    public OwnerBinding? FindOwner()
    {
        var document = database.GetCollection(OwnerCollection).FindById(OwnerId);
        if (document is null)
            return null;
        var reference = System.Text.Json.JsonSerializer.Deserialize<ConversationReference>(document["Reference"].AsString, ActivityJson.Options);
        return reference is null ? null : new OwnerBinding(reference, document["Language"].AsString, new DateTimeOffset(document["BoundAt"].AsDateTime, TimeSpan.Zero));
    }

    /// <summary>Makes <paramref name="binding"/> the owner's alert destination (the latest binding wins).</summary>
    public void SaveOwner(OwnerBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        database.GetCollection(OwnerCollection).Upsert(new BsonDocument
        {
            ["_id"] = OwnerId,
            ["Reference"] = System.Text.Json.JsonSerializer.Serialize(binding.Reference, ActivityJson.Options),
            ["Language"] = binding.Language,
            ["BoundAt"] = binding.BoundAt.UtcDateTime,
        });
    }

    public Task<int?> FindDeliveryAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = context.UnitOfWork is { } unit && unit.TryFind(DeliveriesCollection, deliveryKey, out var pending) ? pending : Deliveries.FindById(deliveryKey);
        return Task.FromResult(found is null ? (int?)null : found["Status"].AsInt32);
    }

    /// <summary>
    /// Inside a <see cref="LiteUnitOfWork"/> the record and the forgetting land at its commit (the turn's conversation lock keeps
    /// a second record of the same key out); without one at once, and of two records at the same moment the insert decides:
    /// the second gets false.
    /// </summary>
    public async Task<bool> RecordDeliveryAsync(string deliveryKey, int status, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        if (await FindDeliveryAsync(deliveryKey, cancellationToken).ConfigureAwait(false) is not null)
            return false;
        var document = new BsonDocument { ["_id"] = deliveryKey, ["Status"] = status, ["At"] = at.UtcDateTime };
        void Write()
        {
            Deliveries.Insert(document);
            Deliveries.DeleteMany(Query.LT("At", forgetBefore.UtcDateTime));
        }
        if (context.UnitOfWork is { } unit)
        {
            unit.Defer(Write, (DeliveriesCollection, deliveryKey), document);
            return true;
        }
        try
        {
            Write();
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }
}
