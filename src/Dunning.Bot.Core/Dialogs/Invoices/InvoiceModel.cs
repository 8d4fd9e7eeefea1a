using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Core.Dialogs.Invoices;

/// <summary>
/// The template variables of one invoice in <c>dialogs/invoice.*.yaml</c> (documented in dialogs/README.md).
/// Plain dictionaries, so the catalogue needs no extra model types.
/// </summary>
internal static class InvoiceModel
{
    public static Dictionary<string, object?> For(InvoiceStatement s) => new(StringComparer.Ordinal)
    {
        ["number"] = s.Number,
        ["issue_date"] = s.Invoice.IssueDate,
        ["due_date"] = s.Invoice.DueDate,
        ["currency"] = s.Invoice.Currency,
        ["status"] = StatusName(s.Status),
        ["principal"] = s.Principal,
        ["paid"] = s.Paid,
        ["has_payments"] = s.Paid.IsPositive,
        ["interest"] = s.Interest,
        ["has_interest"] = s.Interest.IsPositive,
        ["interest_rate"] = s.InterestRatePercent,
        ["fees"] = s.Fees,
        ["has_fees"] = s.Fees.IsPositive,
        ["due"] = s.Due,
        ["is_overdue"] = s.Invoice.DueDate < s.Today,
        ["deadline"] = s.Deadline,
        ["has_reminder_deadline"] = s.Deadline != s.Invoice.DueDate,
        ["deadline_passed"] = s.Deadline < s.Today,
        ["lines"] = s.Invoice.Lines.Select(Line).ToList(),
        ["total"] = s.Invoice.TotalMoney,
    };

    public static List<Dictionary<string, object?>> For(IEnumerable<InvoiceStatement> statements) => [.. statements.Select(For)];

    /// <summary>What comes next on the ladder: <c>first_reminder</c>, <c>reminder</c>, <c>final_reminder</c>, <c>handover</c> or <c>none</c>.</summary>
    public static Dictionary<string, object?> Outlook(InvoiceStatement s)
    {
        var model = For(s);
        model["next"] = s.NextStage switch
        {
            null => "none",
            { NotifyDebtor: false } => "handover",
            _ when s.NextIsLastNotice => "final_reminder",
            _ when s.Stage == 0 => "first_reminder",
            _ => "reminder",
        };
        model["next_on"] = s.NextStageOn;
        model["next_fee"] = s.NextStageFee;
        model["has_next_fee"] = s.NextStageFee.IsPositive;
        return model;
    }

    private static Dictionary<string, object?> Line(InvoiceLine line) => new(StringComparer.Ordinal)
    {
        ["description"] = line.Description,
        ["quantity"] = line.Quantity,
        ["unit_price"] = line.UnitPrice,
        ["vat_rate"] = line.VatRate,
        ["net"] = line.Net,
        ["gross"] = line.Gross,
    };

    private static string StatusName(InvoiceStatus status) => status switch
    {
        InvoiceStatus.PartiallyPaid => "partially_paid",
        InvoiceStatus.WrittenOff => "written_off",
        _ => status.ToString().ToLowerInvariant(),
    };
}
