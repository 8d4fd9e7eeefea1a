using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.AspNetCore.Mvc;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// Every debtor's case with what is open (from the claim ledger), the highest stage, the status and the next action;
/// filtered by name or id, status and stage, sorted by any column; the first <see cref="Shown"/> are listed.
/// Unknown filter or sort values are ignored (the whole list, by name).
/// </summary>
public sealed class CasesModel(
    IDebtorStore debtors, IInvoiceStore invoices, ICaseStore cases, IAgreementStore agreements, IEscalationStore escalations,
    InvoiceStatements statements, DunningLadder ladder, TimeProvider clock) : ConsolePage
{
    public const int Shown = 100;

    /// <summary>The sort orders the list offers (the first is the default).</summary>
    public static readonly IReadOnlyList<string> Sorts = ["name", "open", "stage", "status", "next"];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "stage")]
    public int? StageFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "desc")]
    public bool Descending { get; set; }

    public DunningLadder Ladder => ladder;

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];

    public int Found { get; private set; }

    public bool More => Found > Shown;

    public CaseStatus? Status => Enum.TryParse<CaseStatus>(StatusFilter, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;

    public string SortBy => Sorts.Contains(Sort) ? Sort! : Sorts[0];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var q = Query?.Trim();
        var now = clock.GetUtcNow();
        var matching = (await debtors.ListAsync(cancellationToken))
            .Where(d => string.IsNullOrEmpty(q) || d.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || d.Id.Contains(q, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var ids = matching.Select(d => d.Id).ToList();
        var byDebtor = (await invoices.ListByDebtorsAsync(ids, cancellationToken)).ToLookup(i => i.DebtorId, StringComparer.Ordinal);
        var caseOf = (await cases.FindManyAsync(ids, cancellationToken)).ToDictionary(c => c.DebtorId, StringComparer.Ordinal);
        var escalated = (await escalations.ListOpenAsync(cancellationToken)).Select(e => e.DebtorId).ToHashSet(StringComparer.Ordinal);
        var agreed = (await agreements.ListByStateAsync(AgreementState.Active, cancellationToken)).Select(a => a.DebtorId).ToHashSet(StringComparer.Ordinal);
        var rows = matching.Select(d =>
        {
            var today = InvoiceStatements.TodayOf(d, now);
            var dunningCase = caseOf.GetValueOrDefault(d.Id);
            var statement = new DebtorStatement(today, [.. byDebtor[d.Id].Select(i => statements.Describe(i, d, dunningCase, now, today))]);
            return CaseRow.Of(d, statement, dunningCase, escalated.Contains(d.Id), agreed.Contains(d.Id));
        }).Where(r => (Status is not { } s || r.Status == s) && (StageFilter is not { } stage || r.Stage == stage)).ToList();
        Found = rows.Count;
        Rows = [.. Ordered(rows).Take(Shown)];
    }

    /// <summary>The list's address with one setting changed (for the filter links and the column headers).</summary>
    public string Link(string? sort = null, bool? descending = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(),
            ["status"] = Status?.ToString(),
            ["stage"] = StageFilter?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = sort ?? (SortBy == Sorts[0] ? null : SortBy),
            ["desc"] = (descending ?? Descending) ? "true" : null,
        };
        return "/console/cases" + QueryString.Create(query.Where(p => p.Value is not null));
    }

    /// <summary>A column header's link: the same column again turns the order round.</summary>
    public string SortLink(string column) => Link(column, column == SortBy ? !Descending : column is "open" or "stage");

    private IEnumerable<CaseRow> Ordered(List<CaseRow> rows)
    {
        var byName = StringComparer.Create(T.Culture, ignoreCase: true);
        IOrderedEnumerable<CaseRow> sorted = SortBy switch
        {
            "open" => Descending ? rows.OrderByDescending(r => r.OpenAmount) : rows.OrderBy(r => r.OpenAmount),
            "stage" => Descending ? rows.OrderByDescending(r => r.Stage) : rows.OrderBy(r => r.Stage),
            "status" => Descending ? rows.OrderByDescending(r => r.Status) : rows.OrderBy(r => r.Status),
            // Cases with nothing planned come last either way.
            "next" => Descending ? rows.OrderBy(r => r.NextActionAt is null).ThenByDescending(r => r.NextActionAt) : rows.OrderBy(r => r.NextActionAt ?? DateTimeOffset.MaxValue),
            _ => Descending ? rows.OrderByDescending(r => r.Debtor.Name, byName) : rows.OrderBy(r => r.Debtor.Name, byName),
        };
        return sorted.ThenBy(r => r.Debtor.Name, byName).ThenBy(r => r.Debtor.Id, StringComparer.Ordinal);
    }
}
