namespace Dunning.Bot.Intake;

/// <summary>The outcome of reading a file: its valid invoices and debtors, and every problem found on the way.</summary>
internal sealed record ParsedInvoiceFile
{
    public IReadOnlyList<ParsedInvoice> Invoices { get; init; } = [];

    public IReadOnlyDictionary<string, DebtorDraft> Debtors { get; init; } = new Dictionary<string, DebtorDraft>();

    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    public int ProblemCount { get; init; }

    public int RowsRead { get; init; }

    public int RowsSkipped { get; init; }

    public bool FileRejected { get; init; }

    public bool HasLineColumns { get; init; }

    public bool HasDocumentLinkColumn { get; init; }
}
