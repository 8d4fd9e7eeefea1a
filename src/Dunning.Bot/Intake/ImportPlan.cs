using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Intake;

/// <summary>What an import will write, after comparing the file with the store.</summary>
internal sealed class ImportPlan
{
    public List<Debtor> Debtors { get; } = [];

    public List<Invoice> Invoices { get; } = [];

    public List<DunningCase> Cases { get; } = [];

    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Every debtor the imported invoices belong to.</summary>
    public List<string> DebtorIds { get; } = [];

    /// <summary>Of <see cref="DebtorIds"/>, those this import creates.</summary>
    public HashSet<string> NewDebtorIds { get; } = new(StringComparer.Ordinal);

    public int ProblemCount => Problems.Count;

    public int RowsSkipped { get; set; }

    public int InvoicesCreated { get; set; }

    public int InvoicesUpdated { get; set; }

    public int InvoicesUnchanged { get; set; }

    public int DebtorsCreated { get; set; }

    public int DebtorsUpdated { get; set; }

    public int CasesCreated { get; set; }
}
