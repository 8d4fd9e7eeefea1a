using Dunning.Bot.Core.Domain;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb.Documents;

/// <summary>
/// PaymentAgreement ⇄ BSON; the state is restored through <see cref="PaymentAgreement.Restore"/>. Documents written before
/// the state "Agreed" was renamed to <see cref="AgreementState.Active"/> read as Active and are found by a query for Active.
/// </summary>
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
        ["InterestRuns"] = agreement.InterestRuns,
        ["State"] = BsonValues.From(agreement.State),
        ["CreatedAt"] = BsonValues.From(agreement.CreatedAt),
        ["DecidedAt"] = BsonValues.From(agreement.DecidedAt),
        ["DecidedBy"] = agreement.DecidedBy,
        ["ReplacedBy"] = agreement.ReplacedBy,
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
            // Written before agreements stated it: interest always ran.
            InterestRuns = doc["InterestRuns"] is { IsBoolean: true } runs ? runs.AsBoolean : true,
            CreatedAt = BsonValues.ToDateTimeOffset(doc["CreatedAt"]),
            Breaks = doc["Breaks"].AsInt32,
            Version = doc["Version"].AsInt32,
        };
        agreement.Restore(StateOf(doc["State"]), BsonValues.ToNullableDateTimeOffset(doc["DecidedAt"]),
            BsonValues.ToNullableString(doc["DecidedBy"]), BsonValues.ToNullableString(doc["ReplacedBy"]));
        return agreement;
    }

    /// <summary>The names a state may be stored under for <paramref name="state"/> (Active was stored as "Agreed" before).</summary>
    public static IReadOnlyList<BsonValue> StoredNames(AgreementState state) =>
        state == AgreementState.Active ? [BsonValues.From(state), LegacyActive] : [BsonValues.From(state)];

    private static readonly BsonValue LegacyActive = new("Agreed");

    private static AgreementState StateOf(BsonValue stored) =>
        stored == LegacyActive ? AgreementState.Active : BsonValues.ToEnum<AgreementState>(stored);
}
