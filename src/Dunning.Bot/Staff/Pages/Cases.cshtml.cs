using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.AspNetCore.Mvc;

namespace Dunning.Bot.Staff.Pages;

/// <summary>Debtors by name or id (case-insensitive substring), the first <see cref="Shown"/> by name.</summary>
public sealed class CasesModel(IDebtorStore debtors) : ConsolePage
{
    public const int Shown = 100;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Debtor> Debtors { get; private set; } = [];

    public bool More { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var q = Query?.Trim();
        var found = (await debtors.ListAsync(cancellationToken))
            .Where(d => string.IsNullOrEmpty(q) || d.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || d.Id.Contains(q, StringComparison.OrdinalIgnoreCase))
            .OrderBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        More = found.Count > Shown;
        Debtors = [.. found.Take(Shown)];
    }
}
