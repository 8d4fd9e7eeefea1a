using JsonSerializer = System.Text.Json.JsonSerializer;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb.Documents;

/// <summary>ConversationLink ⇄ BSON; the key is <c>_id</c>, the conversation reference is kept as its wire JSON.</summary>
internal static class ConversationDocument
{
    public static BsonDocument ToBson(ConversationLink link) => new()
    {
        ["_id"] = link.Key,
        ["Channel"] = link.Channel,
        ["Reference"] = JsonSerializer.Serialize(link.Reference, ActivityJson.Options),
        ["DebtorId"] = link.DebtorId,
        ["LinkedAt"] = BsonValues.From(link.LinkedAt),
        ["Language"] = link.Language,
        ["FailedCodeAttempts"] = link.FailedCodeAttempts,
        ["CodeCooldownUntil"] = BsonValues.From(link.CodeCooldownUntil),
        ["Handoff"] = BsonValues.From(link.Handoff),
        ["HandoffOwner"] = link.HandoffOwner,
        ["LastInboundAt"] = BsonValues.From(link.LastInboundAt),
        ["Version"] = link.Version,
    };

    public static ConversationLink FromBson(BsonDocument doc)
    {
        var link = new ConversationLink
        {
            Key = doc["_id"].AsString,
            Channel = doc["Channel"].AsString,
            Reference = JsonSerializer.Deserialize<ConversationReference>(doc["Reference"].AsString, ActivityJson.Options) ?? new ConversationReference(),
            Language = doc["Language"].AsString,
            FailedCodeAttempts = doc["FailedCodeAttempts"].AsInt32,
            CodeCooldownUntil = BsonValues.ToNullableDateTimeOffset(doc["CodeCooldownUntil"]),
            Handoff = BsonValues.ToEnum<HandoffState>(doc["Handoff"]),
            HandoffOwner = BsonValues.ToNullableString(doc["HandoffOwner"]),
            LastInboundAt = BsonValues.ToNullableDateTimeOffset(doc["LastInboundAt"]),
            Version = doc["Version"].AsInt32,
        };
        link.Restore(BsonValues.ToNullableString(doc["DebtorId"]), BsonValues.ToNullableDateTimeOffset(doc["LinkedAt"]));
        return link;
    }
}
