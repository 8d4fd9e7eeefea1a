using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Claims;

/// <summary>One attempt of a <see cref="ClaimBook"/> change on a <see cref="ClaimSet"/>: remembers which invoices and cases it changed, to save them together.</summary>
internal sealed class ClaimBatch(ClaimSet set)
{
    private readonly HashSet<string> dirtyInvoices = new(StringComparer.Ordinal);
    private readonly HashSet<string> dirtyCases = new(StringComparer.Ordinal);

    /// <inheritdoc cref="ClaimSet.Context"/>
    public (Invoice Invoice, Debtor Debtor, DunningCase Case)? Context(string number) => set.Context(number);

    /// <summary>Marks the invoice changed and adds <paramref name="action"/> to the case history, asking the scheduler to look again.</summary>
    public void Record(Invoice invoice, DunningCase dunningCase, CaseAction action)
    {
        dunningCase.Record(action);
        dunningCase.NextActionAt = action.At;
        dirtyInvoices.Add(invoice.Number);
        dirtyCases.Add(dunningCase.DebtorId);
    }

    public bool Changed => dirtyInvoices.Count > 0;

    public IReadOnlyList<Invoice> ChangedInvoices => [.. dirtyInvoices.Select(set.Invoice)];

    public IReadOnlyList<DunningCase> ChangedCases => [.. dirtyCases.Select(set.Case)];
}
