using Dunning.Bot.Core.Reminders;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb.Documents;

/// <summary>
/// OutboxEntry ⇄ BSON; the entry id is <c>_id</c>, <c>Key</c> has a unique index. <c>DueAt</c> is derived for the one
/// index the dispatcher walks: a pending entry is due at its next attempt, a sending one when its lease expires, a
/// finished one never (null).
/// </summary>
internal static class OutboxDocument
{
    public static BsonDocument ToBson(OutboxEntry entry) => new()
    {
        ["_id"] = entry.Id,
        ["Key"] = entry.Key,
        ["DebtorId"] = entry.DebtorId,
        ["Kind"] = entry.Kind,
        ["Channel"] = entry.Channel,
        ["ConversationKey"] = entry.ConversationKey,
        ["Language"] = entry.Language,
        ["MessageKey"] = entry.MessageKey,
        ["Text"] = entry.Text,
        ["Items"] = new BsonArray(entry.Items.Select(i => new BsonDocument
        {
            ["Invoice"] = i.InvoiceNumber,
            ["Stage"] = i.Stage,
            ["PreviousStage"] = i.PreviousStage,
            ["Deadline"] = BsonValues.From(i.Deadline),
        })),
        ["CreatedAt"] = BsonValues.From(entry.CreatedAt),
        ["Status"] = BsonValues.From(entry.Status),
        ["Attempts"] = entry.Attempts,
        ["NextAttemptAt"] = BsonValues.From(entry.NextAttemptAt),
        ["LeaseUntil"] = BsonValues.From(entry.LeaseUntil),
        ["LeaseId"] = entry.LeaseId,
        ["SentAt"] = BsonValues.From(entry.SentAt),
        ["LastError"] = entry.LastError,
        ["DeliveredAt"] = BsonValues.From(entry.DeliveredAt),
        ["Receipt"] = entry.Receipt,
        ["FallbackAt"] = BsonValues.From(entry.FallbackAt),
        // Derived for the two receipt indexes: the conversation a fetch confirms it in, and since when a fallback may be due.
        ["AwaitingIn"] = entry.AwaitsReceipt ? entry.ConversationKey : BsonValue.Null,
        ["FallbackDue"] = entry.AwaitsReceipt && entry.FallbackAt is null ? BsonValues.From(entry.SentAt) : BsonValue.Null,
        ["DueAt"] = entry.Status switch
        {
            OutboxStatus.Pending => BsonValues.From(entry.NextAttemptAt),
            OutboxStatus.Sending => BsonValues.From(entry.LeaseUntil),
            _ => BsonValue.Null,
        },
        ["Version"] = entry.Version,
    };

    public static OutboxEntry FromBson(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        Key = doc["Key"].AsString,
        DebtorId = doc["DebtorId"].AsString,
        Kind = doc["Kind"].AsString,
        Channel = doc["Channel"].AsString,
        ConversationKey = doc["ConversationKey"].AsString,
        Language = doc["Language"].AsString,
        MessageKey = doc["MessageKey"].AsString,
        Text = doc["Text"].AsString,
        Items = [.. doc["Items"].AsArray.Select(v => v.AsDocument).Select(i => new OutboxItem(
            i["Invoice"].AsString, i["Stage"].AsInt32, i["PreviousStage"].AsInt32, BsonValues.ToNullableDateOnly(i["Deadline"])))],
        CreatedAt = BsonValues.ToDateTimeOffset(doc["CreatedAt"]),
        Status = BsonValues.ToEnum<OutboxStatus>(doc["Status"]),
        Attempts = doc["Attempts"].AsInt32,
        NextAttemptAt = BsonValues.ToDateTimeOffset(doc["NextAttemptAt"]),
        LeaseUntil = BsonValues.ToNullableDateTimeOffset(doc["LeaseUntil"]),
        LeaseId = BsonValues.ToNullableString(doc["LeaseId"]),
        SentAt = BsonValues.ToNullableDateTimeOffset(doc["SentAt"]),
        LastError = BsonValues.ToNullableString(doc["LastError"]),
        DeliveredAt = BsonValues.ToNullableDateTimeOffset(doc["DeliveredAt"]),
        Receipt = BsonValues.ToNullableString(doc["Receipt"]),
        FallbackAt = BsonValues.ToNullableDateTimeOffset(doc["FallbackAt"]),
        Version = doc["Version"].AsInt32,
    };
}
