namespace Dunning.Bot.Intake;

/// <summary>
/// What an import did (or, for a dry run or a refused file, would have done). <see cref="Committed"/> is true only
/// when the store was written; then every counted invoice, debtor and case is in it.
/// </summary>
public sealed record ImportResult
{
    public bool Committed { get; init; }

    public bool DryRun { get; init; }

    public int RowsRead { get; init; }

    public int InvoicesCreated { get; init; }

    public int InvoicesUpdated { get; init; }

    public int InvoicesUnchanged { get; init; }

    public int DebtorsCreated { get; init; }

    public int DebtorsUpdated { get; init; }

    public int CasesCreated { get; init; }

    /// <summary>Rows left out because they (or another row of their invoice) were invalid.</summary>
    public int RowsSkipped { get; init; }

    /// <summary>The problems found, at most <see cref="ImportOptions.MaxReportedProblems"/>.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    /// <summary>All problems, including those not listed.</summary>
    public int ProblemCount { get; init; }

    /// <summary>The debtors of the imported invoices (empty when nothing was imported).</summary>
    public IReadOnlyList<string> DebtorIds { get; init; } = [];

    /// <summary>Of <see cref="DebtorIds"/>, those the import created.</summary>
    public IReadOnlySet<string> NewDebtorIds { get; init; } = new HashSet<string>();

    /// <summary>True when the whole file was refused (unreadable, wrong columns, too large, empty).</summary>
    public bool FileRejected { get; init; }
}
