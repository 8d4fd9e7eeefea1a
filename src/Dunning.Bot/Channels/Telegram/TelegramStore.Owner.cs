using LiteDB;

namespace Dunning.Bot.Channels.Telegram;

internal sealed partial class TelegramStore
{
    private const string OwnerKey = "owner_chat";

    /// <summary>The owner's bound alert chat, or null when none is bound.</summary>
    public TelegramOwnerChat? FindOwner() =>
        _database.GetCollection(State).FindById(OwnerKey) is { } doc
            ? new TelegramOwnerChat(doc["ChatId"].AsInt64, doc["Language"].AsString, new DateTimeOffset(doc["BoundAt"].AsDateTime, TimeSpan.Zero))
            : null;

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

/// <summary>The owner's private Telegram chat for escalation alerts, and the language they are written in.</summary>
internal sealed record TelegramOwnerChat(long ChatId, string Language, DateTimeOffset BoundAt);
