using Dunning.Bot.Core.Domain;
using LiteDB;

namespace Dunning.Bot.Storage.Documents;

/// <summary>Invoice ⇄ BSON; the invoice number is <c>_id</c> (unique by construction). Amounts stay decimal.</summary>
internal static class InvoiceDocument
{
    public static BsonDocument ToBson(Invoice invoice) => new()
    {
        ["_id"] = invoice.Number,
        ["DebtorId"] = invoice.DebtorId,
        ["IssueDate"] = BsonValues.From(invoice.IssueDate),
        ["DueDate"] = BsonValues.From(invoice.DueDate),
        ["Currency"] = invoice.Currency,
        ["Lines"] = new BsonArray(invoice.Lines.Select(l => new BsonDocument
        {
            ["Description"] = l.Description,
            ["Quantity"] = l.Quantity,
            ["UnitPrice"] = l.UnitPrice,
            ["VatRate"] = l.VatRate,
        })),
        ["Total"] = invoice.Total,
        ["Payments"] = new BsonArray(invoice.Payments.Select(p => new BsonDocument
        {
            ["Date"] = BsonValues.From(p.Date),
            ["Amount"] = p.Amount,
            ["Reference"] = p.Reference,
        })),
        ["Dispute"] = invoice.Dispute,
        ["Pause"] = invoice.Pause is { } pause
            ? new BsonDocument
            {
                ["Reason"] = pause.Reason,
                ["Until"] = BsonValues.From(pause.Until),
                ["Since"] = BsonValues.From(pause.Since),
            }
            : BsonValue.Null,
        ["WrittenOffAt"] = BsonValues.From(invoice.WrittenOffAt),
        ["DocumentLink"] = invoice.DocumentLink,
        ["Version"] = invoice.Version,
    };

    public static Invoice FromBson(BsonDocument doc)
    {
        var pause = doc["Pause"];
        return new Invoice
        {
            Number = doc["_id"].AsString,
            DebtorId = doc["DebtorId"].AsString,
            IssueDate = BsonValues.ToDateOnly(doc["IssueDate"]),
            DueDate = BsonValues.ToDateOnly(doc["DueDate"]),
            Currency = doc["Currency"].AsString,
            Lines = [.. doc["Lines"].AsArray.Select(v => v.AsDocument).Select(l =>
                new InvoiceLine(l["Description"].AsString, l["Quantity"].AsDecimal, l["UnitPrice"].AsDecimal, l["VatRate"].AsDecimal))],
            Total = doc["Total"].AsDecimal,
            Payments = [.. doc["Payments"].AsArray.Select(v => v.AsDocument).Select(p =>
                new Payment(BsonValues.ToDateOnly(p["Date"]), p["Amount"].AsDecimal, BsonValues.ToNullableString(p["Reference"])))],
            Dispute = BsonValues.ToNullableString(doc["Dispute"]),
            Pause = pause.IsNull
                ? null
                : new DunningPause(pause["Reason"].AsString, BsonValues.ToNullableDateTimeOffset(pause["Until"]), BsonValues.ToDateTimeOffset(pause["Since"])),
            WrittenOffAt = BsonValues.ToNullableDateTimeOffset(doc["WrittenOffAt"]),
            DocumentLink = BsonValues.ToNullableString(doc["DocumentLink"]),
            Version = doc["Version"].AsInt32,
        };
    }
}
