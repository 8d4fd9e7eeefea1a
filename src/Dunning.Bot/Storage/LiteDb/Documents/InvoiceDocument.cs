using Dunning.Bot.Core.Domain;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb.Documents;

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
        ["WriteOffs"] = new BsonArray(invoice.WriteOffs.Select(w => new BsonDocument
        {
            ["Date"] = BsonValues.From(w.Date),
            ["Amount"] = w.Amount,
            ["Reason"] = w.Reason,
            ["By"] = w.By,
        })),
        ["CreditNotes"] = new BsonArray(invoice.CreditNotes.Select(c => new BsonDocument
        {
            ["Date"] = BsonValues.From(c.Date),
            ["Amount"] = c.Amount,
            ["Reference"] = c.Reference,
        })),
        ["SettledOn"] = BsonValues.From(invoice.SettledOn),
        ["DueDateAgreed"] = invoice.DueDateAgreed is { } agreed ? new BsonValue(agreed) : BsonValue.Null,
        ["DefaultNotice"] = invoice.DefaultNotice is { } notice ? new BsonValue(notice) : BsonValue.Null,
        ["DocumentLink"] = invoice.DocumentLink,
        ["Version"] = invoice.Version,
    };

    public static Invoice FromBson(BsonDocument doc)
    {
        var pause = doc["Pause"];
        var invoice = new Invoice
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
            WriteOffs = [.. Array(doc, "WriteOffs").Select(w =>
                new WriteOff(BsonValues.ToDateOnly(w["Date"]), w["Amount"].AsDecimal, w["Reason"].AsString, w["By"].AsString))],
            CreditNotes = [.. Array(doc, "CreditNotes").Select(c =>
                new CreditNote(BsonValues.ToDateOnly(c["Date"]), c["Amount"].AsDecimal, c["Reference"].AsString))],
            DueDateAgreed = doc["DueDateAgreed"].IsBoolean ? doc["DueDateAgreed"].AsBoolean : null,
            DefaultNotice = doc["DefaultNotice"].IsBoolean ? doc["DefaultNotice"].AsBoolean : null,
            DocumentLink = BsonValues.ToNullableString(doc["DocumentLink"]),
            Version = doc["Version"].AsInt32,
        };
        // Files written before the claim ledger have no SettledOn: an invoice whose principal was paid counted as paid then,
        // and stays paid (on its last payment's day) rather than being reminded of interest nobody was told about.
        invoice.RestoreSettlement(doc.ContainsKey("SettledOn")
            ? BsonValues.ToNullableDateOnly(doc["SettledOn"])
            : invoice.Paid >= invoice.Total && invoice.Payments.Count > 0 ? invoice.Payments.Max(p => p.Date) : null);
        return invoice;
    }

    private static IEnumerable<BsonDocument> Array(BsonDocument doc, string key) =>
        doc[key].IsArray ? doc[key].AsArray.Select(v => v.AsDocument) : [];
}
