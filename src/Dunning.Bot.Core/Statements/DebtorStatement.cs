using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Statements;

/// <summary>
/// Every invoice of one debtor as of <see cref="Today"/>. <see cref="Find"/> is the only way dialogs turn a number
/// the debtor wrote into an invoice: a number of another debtor is not found, exactly like one that does not exist.
/// </summary>
public sealed class DebtorStatement(DateOnly today, IReadOnlyList<InvoiceStatement> invoices)
{
    public DateOnly Today { get; } = today;

    /// <summary>All invoices of this debtor, by due date.</summary>
    public IReadOnlyList<InvoiceStatement> Invoices { get; } = [.. invoices.OrderBy(i => i.Invoice.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal)];

    /// <summary>The invoices with something owed, by due date.</summary>
    public IReadOnlyList<InvoiceStatement> Open => [.. Invoices.Where(i => i.IsOpen)];

    /// <summary>This debtor's invoice with that number (case and surrounding spaces ignored), or null.</summary>
    public InvoiceStatement? Find(string? number) =>
        string.IsNullOrWhiteSpace(number) ? null
        : Invoices.FirstOrDefault(i => string.Equals(i.Number, number.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The sum of <see cref="InvoiceStatement.Due"/> per currency, in order of first appearance.</summary>
    public static IReadOnlyList<Money> TotalsByCurrency(IEnumerable<InvoiceStatement> invoices) =>
        [.. invoices.GroupBy(i => i.Due.Currency).Select(g => g.Select(i => i.Due).Aggregate((a, b) => a + b))];
}
