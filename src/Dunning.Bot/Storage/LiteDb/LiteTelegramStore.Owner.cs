using Dunning.Bot.Channels.Telegram;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

internal sealed partial class LiteTelegramStore
{
    internal const string OwnerKey = "owner_chat";

    /// <summary>The owner's bound alert chat, or null when none is bound.</summary>
    public TelegramOwnerChat? FindOwner() =>
        _database.GetCollection(State).FindById(OwnerKey) is { } doc ? OwnerOf(doc) : null;

    internal static TelegramOwnerChat OwnerOf(BsonDocument doc) =>
        new(doc["ChatId"].AsInt64, doc["Language"].AsString, new DateTimeOffset(doc["BoundAt"].AsDateTime, TimeSpan.Zero));

    /// <summary>Makes <paramref name="owner"/> the destination of owner alerts (the latest binding wins).</summary>
    public void SaveOwner(TelegramOwnerChat owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        _database.GetCollection(State).Upsert(new BsonDocument
        {
            ["_id"] = OwnerKey,
            ["ChatId"] = owner.ChatId,
            ["Language"] = owner.Language,
            ["BoundAt"] = owner.BoundAt.UtcDateTime,
        });
    }
}
