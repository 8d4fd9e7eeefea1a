using Dunning.Bot.Core.Domain;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb.Documents;

/// <summary>
/// DunningCase ⇄ BSON; the debtor id is <c>_id</c>. Stages are stored as an array of pairs because invoice
/// numbers (dots, dollar signs) are not safe as BSON field names.
/// </summary>
internal static class CaseDocument
{
    public static BsonDocument ToBson(DunningCase dunningCase) => new()
    {
        ["_id"] = dunningCase.DebtorId,
        ["Stages"] = new BsonArray(dunningCase.Stages.Select(s => new BsonDocument { ["Invoice"] = s.Key, ["Stage"] = s.Value })),
        ["NextActionAt"] = BsonValues.From(dunningCase.NextActionAt),
        ["LastContactAt"] = BsonValues.From(dunningCase.LastContactAt),
        ["History"] = new BsonArray(dunningCase.History.Select(a => new BsonDocument
        {
            ["At"] = BsonValues.From(a.At),
            ["Kind"] = a.Kind,
            ["Summary"] = a.Summary,
            ["Channel"] = a.Channel,
            ["InvoiceNumbers"] = a.InvoiceNumbers is { } numbers ? BsonValues.Strings(numbers) : BsonValue.Null,
            ["Actor"] = a.Actor,
        })),
        ["Version"] = dunningCase.Version,
    };

    public static DunningCase FromBson(BsonDocument doc)
    {
        var dunningCase = new DunningCase
        {
            DebtorId = doc["_id"].AsString,
            NextActionAt = BsonValues.ToNullableDateTimeOffset(doc["NextActionAt"]),
            LastContactAt = BsonValues.ToNullableDateTimeOffset(doc["LastContactAt"]),
            History = [.. doc["History"].AsArray.Select(v => v.AsDocument).Select(a => new CaseAction(
                BsonValues.ToDateTimeOffset(a["At"]), a["Kind"].AsString, a["Summary"].AsString,
                BsonValues.ToNullableString(a["Channel"]),
                a["InvoiceNumbers"].IsNull ? null : BsonValues.ToStrings(a["InvoiceNumbers"]),
                BsonValues.ToNullableString(a["Actor"])))],
            Version = doc["Version"].AsInt32,
        };
        foreach (var stage in doc["Stages"].AsArray.Select(v => v.AsDocument))
            dunningCase.Stages[stage["Invoice"].AsString] = stage["Stage"].AsInt32;
        return dunningCase;
    }
}
