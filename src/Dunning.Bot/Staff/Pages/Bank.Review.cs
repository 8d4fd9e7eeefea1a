using Dunning.Bot.Banking;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.AspNetCore.Mvc;

namespace Dunning.Bot.Staff.Pages;

/// <summary>The bank page's review decisions and the search for an open invoice to assign a credit to.</summary>
public sealed partial class BankModel
{
    public const int MaxFound = 20;

    /// <summary>What the search box asks for: part of an invoice number or of a debtor's name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>Open invoices matching <see cref="Query"/>, with their debtor and what is due now (at most <see cref="MaxFound"/>).</summary>
    public IReadOnlyList<(Invoice Invoice, Debtor Debtor, Money Due)> Found { get; private set; } = [];

    public bool FoundMore { get; private set; }

    /// <summary>Books the entry as suggested: on its suggested invoices, split oldest due first.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string? key, CancellationToken cancellationToken)
    {
        var entry = key is null ? null : await review.FindAsync(key, cancellationToken);
        if (entry is { Item.IsReversal: true })
            return await DecideAsync(() => desk.ConfirmReversalAsync(key!, Actor.UserName, cancellationToken), "done_reversal", new { reference = entry.Item.Reverses }, cancellationToken);
        var suggested = entry?.Item.Suggestions ?? [];
        return await DecideAsync(() => desk.AssignAsync(key ?? "", suggested, Actor.UserName, cancellationToken), "done_assigned",
            new { invoices = string.Join(", ", suggested) }, cancellationToken);
    }

    /// <summary>Books the entry on the invoices the person names instead (comma, semicolon or space separated).</summary>
    public Task<IActionResult> OnPostReassignAsync(string? key, string? invoices, CancellationToken cancellationToken)
    {
        var numbers = (invoices ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return DecideAsync(() => desk.AssignAsync(key ?? "", numbers, Actor.UserName, cancellationToken), "done_assigned",
            new { invoices = string.Join(", ", numbers.Distinct(StringComparer.Ordinal)) }, cancellationToken);
    }

    public Task<IActionResult> OnPostDismissAsync(string? key, string? note, CancellationToken cancellationToken) =>
        DecideAsync(() => desk.IgnoreAsync(key ?? "", Actor.UserName, string.IsNullOrWhiteSpace(note) ? null : note, cancellationToken), "done_dismissed", new { }, cancellationToken);

    /// <summary>The invoice numbers and split amounts of a suggestion, in order.</summary>
    public static IEnumerable<(string Invoice, decimal? Amount)> Suggestion(BankImportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Suggestions.Select((number, i) => (number, item.Split is { } split && i < split.Count ? split[i] : (decimal?)null));
    }

    /// <summary>The reason of <paramref name="item"/> in the staff member's language (the English sentence for entries queued before codes).</summary>
    public string Reason(BankImportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var words = W;
        if (item.Code is not { } code || !words.Has("reason_" + code))
            return item.Reason;
        return words.Format("reason_" + code, new
        {
            invoices = string.Join(", ", item.Suggestions),
            reverses = item.Reverses ?? "",
            currency = item.Currency,
            detail = item.Reason,
        });
    }

    /// <summary>"invoice number, confidence 95 %" for a suggestion with a rule; empty without.</summary>
    public string Confidence(BankImportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Rule is not { } rule || item.Confidence is not { } confidence)
            return "";
        var key = "rule_" + System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(rule.ToString());
        return W.Format("confidence", new { rule = W.Has(key) ? W[key] : rule.ToString(), percent = T.Percent(confidence) });
    }

    private async Task SearchAsync(CancellationToken cancellationToken)
    {
        var wanted = Query?.Trim();
        if (string.IsNullOrEmpty(wanted) || wanted.Length > 100)
            return;
        var services = HttpContext.RequestServices;
        var debtors = await services.GetRequiredService<IDebtorStore>().ListAsync(cancellationToken);
        var byName = debtors.Where(d => d.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase) || d.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var compact = PaymentMatcher.Compact(wanted);
        var all = await services.GetRequiredService<IInvoiceStore>().ListByDebtorsAsync([.. debtors.Select(d => d.Id)], cancellationToken);
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var hits = all.Where(i => i.StatusAt(now) is not (InvoiceStatus.Paid or InvoiceStatus.WrittenOff)
                && (byName.Contains(i.DebtorId) || (compact.Length > 0 && PaymentMatcher.Compact(i.Number).Contains(compact, StringComparison.Ordinal))))
            .OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal).Take(MaxFound + 1).ToList();
        FoundMore = hits.Count > MaxFound;
        var statements = services.GetRequiredService<InvoiceStatements>();
        var byId = debtors.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var cases = (await services.GetRequiredService<ICaseStore>().FindManyAsync([.. hits.Select(i => i.DebtorId).Distinct()], cancellationToken))
            .ToDictionary(c => c.DebtorId, StringComparer.Ordinal);
        Found = [.. hits.Take(MaxFound).Select(i => (i, byId[i.DebtorId],
            statements.Describe(i, byId[i.DebtorId], cases.GetValueOrDefault(i.DebtorId), now, InvoiceStatements.TodayOf(byId[i.DebtorId], now)).Due))];
    }
}
