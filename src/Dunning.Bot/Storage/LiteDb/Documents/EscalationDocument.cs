using Dunning.Bot.Core.Domain;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb.Documents;

/// <summary>Escalation ⇄ BSON.</summary>
internal static class EscalationDocument
{
    public static BsonDocument ToBson(Escalation escalation) => new()
    {
        ["_id"] = escalation.Id,
        ["DebtorId"] = escalation.DebtorId,
        ["Reason"] = BsonValues.From(escalation.Reason),
        ["Priority"] = BsonValues.From(escalation.Priority),
        ["State"] = BsonValues.From(escalation.State),
        ["RaisedAt"] = BsonValues.From(escalation.RaisedAt),
        ["RespondBy"] = BsonValues.From(escalation.RespondBy),
        ["Detail"] = escalation.Detail,
        ["InvoiceNumbers"] = BsonValues.Strings(escalation.InvoiceNumbers),
        ["ConversationKey"] = escalation.ConversationKey,
        ["AssignedTo"] = escalation.AssignedTo,
        ["ClosedAt"] = BsonValues.From(escalation.ClosedAt),
        ["Version"] = escalation.Version,
    };

    public static Escalation FromBson(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        DebtorId = doc["DebtorId"].AsString,
        Reason = BsonValues.ToEnum<EscalationReason>(doc["Reason"]),
        Priority = BsonValues.ToEnum<EscalationPriority>(doc["Priority"]),
        State = BsonValues.ToEnum<EscalationState>(doc["State"]),
        RaisedAt = BsonValues.ToDateTimeOffset(doc["RaisedAt"]),
        RespondBy = BsonValues.ToNullableDateTimeOffset(doc["RespondBy"]),
        Detail = BsonValues.ToNullableString(doc["Detail"]),
        InvoiceNumbers = BsonValues.ToStrings(doc["InvoiceNumbers"]),
        ConversationKey = BsonValues.ToNullableString(doc["ConversationKey"]),
        AssignedTo = BsonValues.ToNullableString(doc["AssignedTo"]),
        ClosedAt = BsonValues.ToNullableDateTimeOffset(doc["ClosedAt"]),
        Version = doc["Version"].AsInt32,
    };
}
