using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Intake;

/// <summary>
/// Imports a CSV file of open invoices (format: docs/importing.md). Creates or updates debtors (new ones get an access code
/// and a link token), creates or updates invoices by number (payments, pauses, disputes and write-offs stay) and
/// opens a dunning case for every debtor that has none. Everything is written in one
/// <see cref="IInvoiceStore.SaveBatchAsync"/> transaction, or nothing is. Re-importing the same file changes nothing.
/// </summary>
public sealed partial class InvoiceImporter(IDebtorStore debtors, IInvoiceStore invoices, ICaseStore cases,
    IOptions<ImportOptions> options, TimeProvider time)
{
    private readonly ImportOptions settings = options?.Value ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Imports the file at <paramref name="path"/>; a missing, empty or too large file is refused before reading.</summary>
    public async Task<ImportResult> ImportAsync(string path, ImportMode mode, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            return Refused($"{path} does not exist.");
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return await ImportAsync(stream, mode, cancellationToken);
    }

    /// <summary>Imports from a seekable stream (it is read twice: once to detect the encoding).</summary>
    public async Task<ImportResult> ImportAsync(Stream stream, ImportMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
            throw new ArgumentException("The import needs a seekable stream.", nameof(stream));
        if (stream.Length == 0)
            return Refused("the file is empty.");
        if (stream.Length > settings.MaxFileMegabytes * 1024L * 1024L)
            return Refused($"the file has {stream.Length / 1024.0 / 1024.0:0.0} MB; the limit is {settings.MaxFileMegabytes} MB ({ImportOptions.SectionName}:MaxFileMegabytes).");

        var parsed = new InvoiceCsvParser(settings).Parse(stream, cancellationToken);
        var skipInvalid = mode.HasFlag(ImportMode.SkipInvalid);
        if (parsed.FileRejected || (parsed.ProblemCount > 0 && !skipInvalid))
            return Summary(parsed, new ImportPlan(), committed: false, mode);

        var plan = await PlanAsync(parsed, cancellationToken);
        if (plan.ProblemCount > 0 && !skipInvalid)
            return Summary(parsed, plan, committed: false, mode);
        var write = !mode.HasFlag(ImportMode.DryRun) && (plan.Debtors.Count + plan.Invoices.Count + plan.Cases.Count) > 0;
        if (write)
            await invoices.SaveBatchAsync(plan.Debtors, plan.Invoices, plan.Cases, cancellationToken);
        return Summary(parsed, plan, committed: write, mode);
    }

    private static ImportResult Refused(string message) =>
        new() { FileRejected = true, Problems = [new ImportProblem(0, null, message)], ProblemCount = 1 };

    private ImportResult Summary(ParsedInvoiceFile parsed, ImportPlan plan, bool committed, ImportMode mode)
    {
        var problems = parsed.Problems.Concat(plan.Problems).OrderBy(p => p.Row).Take(settings.MaxReportedProblems).ToList();
        // Counted when the import went through (or would have, in a dry run): nothing was blocked by a problem.
        var imported = !parsed.FileRejected && (parsed.ProblemCount + plan.ProblemCount == 0 || mode.HasFlag(ImportMode.SkipInvalid));
        return new ImportResult
        {
            Committed = committed,
            DryRun = mode.HasFlag(ImportMode.DryRun),
            FileRejected = parsed.FileRejected,
            RowsRead = parsed.RowsRead,
            RowsSkipped = parsed.RowsSkipped + plan.RowsSkipped,
            InvoicesCreated = imported ? plan.InvoicesCreated : 0,
            InvoicesUpdated = imported ? plan.InvoicesUpdated : 0,
            InvoicesUnchanged = imported ? plan.InvoicesUnchanged : 0,
            DebtorsCreated = imported ? plan.DebtorsCreated : 0,
            DebtorsUpdated = imported ? plan.DebtorsUpdated : 0,
            CasesCreated = imported ? plan.CasesCreated : 0,
            DebtorIds = imported ? plan.DebtorIds : [],
            NewDebtorIds = imported ? plan.NewDebtorIds : new HashSet<string>(),
            Problems = problems,
            ProblemCount = parsed.ProblemCount + plan.ProblemCount,
        };
    }
}
