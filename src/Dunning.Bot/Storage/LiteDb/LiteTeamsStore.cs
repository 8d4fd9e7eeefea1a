using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Conversations;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// <see cref="ITeamsStore"/> in the LiteDB file: what the Teams channel keeps besides the conversation links: the serviceUrls that arrived in
/// authenticated activities (so a proactive send after a restart still trusts them) and the owner's alert chat.
/// </summary>
public sealed class LiteTeamsStore : ITeamsStore
{
    internal const string ServiceUrlsCollection = "teams_service_urls";
    internal const string OwnerCollection = "teams_owner";
    internal const string OwnerId = "owner";
    private readonly LiteDatabase database;

    public LiteTeamsStore(LiteDbContext context) => database = (context ?? throw new ArgumentNullException(nameof(context))).Database;

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
}
