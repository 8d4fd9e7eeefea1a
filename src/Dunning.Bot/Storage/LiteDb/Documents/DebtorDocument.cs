using Dunning.Bot.Core.Domain;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb.Documents;

/// <summary>Debtor ⇄ BSON; the debtor id is <c>_id</c>.</summary>
internal static class DebtorDocument
{
    public static BsonDocument ToBson(Debtor debtor) => new()
    {
        ["_id"] = debtor.Id,
        ["Name"] = debtor.Name,
        ["Kind"] = BsonValues.From(debtor.Kind),
        ["Language"] = debtor.Language,
        ["TimeZone"] = debtor.TimeZone,
        ["Country"] = debtor.Country,
        ["State"] = debtor.State,
        ["Email"] = debtor.Email,
        ["ContactPerson"] = debtor.ContactPerson,
        ["Salutation"] = debtor.Salutation,
        ["Street"] = debtor.Street,
        ["PostalCode"] = debtor.PostalCode,
        ["City"] = debtor.City,
        ["PreferredChannel"] = debtor.PreferredChannel,
        ["AlsoByEmail"] = debtor.AlsoByEmail,
        ["Contacts"] = new BsonArray(debtor.Contacts.Select(c => new BsonDocument
        {
            ["Channel"] = c.Channel,
            ["Address"] = c.Address,
            ["OptedOutAt"] = BsonValues.From(c.OptedOutAt),
            ["DeadSince"] = BsonValues.From(c.DeadSince),
            ["DeadReason"] = c.DeadReason,
        })),
        ["AccessCode"] = debtor.AccessCode,
        ["LinkToken"] = debtor.LinkToken,
        ["Version"] = debtor.Version,
    };

    public static Debtor FromBson(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        Name = doc["Name"].AsString,
        Kind = BsonValues.ToEnum<DebtorKind>(doc["Kind"]),
        Language = doc["Language"].AsString,
        TimeZone = doc["TimeZone"].AsString,
        Country = doc["Country"].AsString,
        State = BsonValues.ToNullableString(doc["State"]),
        Email = BsonValues.ToNullableString(doc["Email"]),
        ContactPerson = BsonValues.ToNullableString(doc["ContactPerson"]),
        Salutation = BsonValues.ToNullableString(doc["Salutation"]),
        Street = BsonValues.ToNullableString(doc["Street"]),
        PostalCode = BsonValues.ToNullableString(doc["PostalCode"]),
        City = BsonValues.ToNullableString(doc["City"]),
        PreferredChannel = BsonValues.ToNullableString(doc["PreferredChannel"]),
        AlsoByEmail = doc["AlsoByEmail"].IsBoolean && doc["AlsoByEmail"].AsBoolean,
        Contacts = [.. doc["Contacts"].AsArray.Select(v => v.AsDocument).Select(c => new ContactAddress
        {
            Channel = c["Channel"].AsString,
            Address = c["Address"].AsString,
            OptedOutAt = BsonValues.ToNullableDateTimeOffset(c["OptedOutAt"]),
            DeadSince = BsonValues.ToNullableDateTimeOffset(c["DeadSince"]),
            DeadReason = BsonValues.ToNullableString(c["DeadReason"]),
        })],
        AccessCode = doc["AccessCode"].AsString,
        LinkToken = doc["LinkToken"].AsString,
        Version = doc["Version"].AsInt32,
    };
}
