using Dunning.Bot.Core.Domain;
using LiteDB;

namespace Dunning.Bot.Storage.Documents;

/// <summary>PaymentAgreement ⇄ BSON; the state is restored through <see cref="PaymentAgreement.Restore"/>.</summary>
internal static class AgreementDocument
{
    public static BsonDocument ToBson(PaymentAgreement agreement) => new()
    {
        ["_id"] = agreement.Id,
        ["DebtorId"] = agreement.DebtorId,
        ["Kind"] = BsonValues.From(agreement.Kind),
        ["InvoiceNumbers"] = BsonValues.Strings(agreement.InvoiceNumbers),
        ["Currency"] = agreement.Currency,
        ["Schedule"] = new BsonArray(agreement.Schedule.Select(i => new BsonDocument
        {
            ["DueDate"] = BsonValues.From(i.DueDate),
            ["Amount"] = i.Amount,
            ["PaidOn"] = BsonValues.From(i.PaidOn),
        })),
        ["DiscountPercent"] = BsonValues.From(agreement.DiscountPercent),
        ["ValidUntil"] = BsonValues.From(agreement.ValidUntil),
        ["State"] = BsonValues.From(agreement.State),
        ["CreatedAt"] = BsonValues.From(agreement.CreatedAt),
        ["DecidedAt"] = BsonValues.From(agreement.DecidedAt),
        ["DecidedBy"] = agreement.DecidedBy,
        ["Breaks"] = agreement.Breaks,
        ["Version"] = agreement.Version,
    };

    public static PaymentAgreement FromBson(BsonDocument doc)
    {
        var agreement = new PaymentAgreement
        {
            Id = doc["_id"].AsString,
            DebtorId = doc["DebtorId"].AsString,
            Kind = BsonValues.ToEnum<AgreementKind>(doc["Kind"]),
            InvoiceNumbers = BsonValues.ToStrings(doc["InvoiceNumbers"]),
            Currency = doc["Currency"].AsString,
            Schedule = [.. doc["Schedule"].AsArray.Select(v => v.AsDocument).Select(i =>
                new Instalment(BsonValues.ToDateOnly(i["DueDate"]), i["Amount"].AsDecimal) { PaidOn = BsonValues.ToNullableDateOnly(i["PaidOn"]) })],
            DiscountPercent = BsonValues.ToNullableDecimal(doc["DiscountPercent"]),
            ValidUntil = BsonValues.ToNullableDateOnly(doc["ValidUntil"]),
            CreatedAt = BsonValues.ToDateTimeOffset(doc["CreatedAt"]),
            Breaks = doc["Breaks"].AsInt32,
            Version = doc["Version"].AsInt32,
        };
        agreement.Restore(BsonValues.ToEnum<AgreementState>(doc["State"]),
            BsonValues.ToNullableDateTimeOffset(doc["DecidedAt"]), BsonValues.ToNullableString(doc["DecidedBy"]));
        return agreement;
    }
}
