using System.Globalization;
using System.Text;
using CsvHelper;

namespace Dunning.Bot.Staff.Insights;

/// <summary>
/// Insights as one CSV table (UTF-8 with BOM, comma-separated, invariant numbers) for a spreadsheet: a row per
/// objection group, month and group, piece of advice, stage's promise reliability, stage's yield and stage's recovery;
/// the <c>section</c> column says which. Labels are in the owner's language.
/// </summary>
public sealed class InsightsCsv(InsightsAdvice advice, Words words)
{
    public static readonly string[] Columns = ["section", "key", "label", "month", "stage", "currency", "count", "total", "share", "amount", "text"];

    public byte[] Write(Insights insights, string language)
    {
        ArgumentNullException.ThrowIfNull(insights);
        using var buffer = new MemoryStream();
        // Escape: a debtor's words never start a spreadsheet formula.
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            foreach (var g in insights.ObjectionGroups)
                Row(csv, "objections", g.Group, advice.GroupName(g.Group, language), count: g.Debtors, total: g.FamilyTotal, share: g.Share);
            foreach (var m in insights.ObjectionTrend)
                Row(csv, "objections_by_month", m.Group, advice.GroupName(m.Group, language), month: m.Month, count: m.Debtors);
            foreach (var s in advice.For(insights, language))
                Row(csv, "advice", s.Group, advice.GroupName(s.Group, language), text: s.Text);
            foreach (var p in insights.PromisesByStage)
                Row(csv, "promises_by_stage", p.StageKey ?? "0", Stage(p.StageKey, language), stage: p.Stage, count: p.Kept, total: p.Kept + p.Broken, share: p.KeptRate);
            foreach (var y in insights.Yield)
                Row(csv, "recovered_by_stage", y.StageKey ?? "0", Stage(y.StageKey, language), stage: y.Stage, currency: y.Currency, count: y.Payments, amount: y.Recovered);
            foreach (var r in insights.Recovery)
                Row(csv, "stage_reached", r.StageKey ?? "0", Stage(r.StageKey, language), stage: r.Stage, currency: r.Currency, count: r.PaidInFull, total: r.Invoices,
                    share: r.RecoveredShare, amount: r.Paid);
        }
        return buffer.ToArray();
    }

    private string Stage(string? key, string language) => words.Of("stage", key ?? "0", language);

    private static void Row(CsvWriter csv, string section, string key, string label, string? month = null, int? stage = null, string? currency = null,
        int? count = null, int? total = null, decimal? share = null, decimal? amount = null, string? text = null)
    {
        csv.WriteField(section);
        csv.WriteField(key);
        csv.WriteField(label);
        csv.WriteField(month ?? "");
        csv.WriteField(stage?.ToString(CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(currency ?? "");
        csv.WriteField(count?.ToString(CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(total?.ToString(CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(share?.ToString("0.####", CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(text ?? "");
        csv.EndRecord();
    }
}
