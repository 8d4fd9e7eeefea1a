using Dunning.Bot.Hosting;
using Dunning.Bot.Intake;
using Dunning.Bot.Storage;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>import invoices.csv [--skip-invalid] [--dry-run] [--config file]</c>. Exit codes: 0 imported (with
/// --skip-invalid: at least the valid rows), 1 nothing imported because of problems (listed on stderr), 2 usage.
/// </summary>
internal sealed class ImportVerb : ICliVerb
{
    public string Name => "import";

    public string Summary => "import open invoices from a CSV file (see the README, Importing invoices from CSV)";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? path = null, configFile = null;
        var mode = ImportMode.AllOrNothing;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--skip-invalid": mode |= ImportMode.SkipInvalid; break;
                case "--dry-run": mode |= ImportMode.DryRun; break;
                case "--config" when i + 1 < args.Length: configFile = args[++i]; break;
                case var a when !a.StartsWith('-') && path is null: path = a; break;
                default: return Usage(error, $"unexpected argument '{args[i]}'.");
            }
        }
        if (path is null)
            return Usage(error, "which file? ");
        if (configFile is not null && !File.Exists(configFile))
            return Usage(error, $"the configuration file {configFile} does not exist.");

        var configuration = DunningConfiguration.ForVerb(configFile is null ? [] : [DunningConfiguration.ConfigFileArgument, configFile]);
        await using var services = new ServiceCollection()
            .AddDunningStorage(configuration)
            .AddDunningIntake(configuration)
            .BuildServiceProvider();
        var result = await services.GetRequiredService<InvoiceImporter>().ImportAsync(path, mode, cancellationToken);
        var succeeded = !result.FileRejected
            && (result.ProblemCount == 0 || result.InvoicesCreated + result.InvoicesUpdated + result.InvoicesUnchanged > 0);
        Report(Path.GetFileName(path), result, succeeded, output, error);
        return succeeded ? 0 : 1;
    }

    private static void Report(string file, ImportResult result, bool succeeded, TextWriter output, TextWriter error)
    {
        if (result.ProblemCount > 0)
        {
            error.WriteLine($"{file}: {result.ProblemCount} problem(s); "
                + (succeeded ? $"{result.RowsSkipped} row(s) skipped." : "nothing was imported."));
            foreach (var problem in result.Problems)
                error.WriteLine($"  {problem}");
            if (result.ProblemCount > result.Problems.Count)
                error.WriteLine($"  … and {result.ProblemCount - result.Problems.Count} more.");
        }
        if (!succeeded)
            return;
        output.WriteLine($"{(result.DryRun ? "Dry run, nothing written" : "Imported")} {file}: {result.RowsRead} row(s); "
            + $"invoices {result.InvoicesCreated} new, {result.InvoicesUpdated} updated, {result.InvoicesUnchanged} unchanged; "
            + $"debtors {result.DebtorsCreated} new, {result.DebtorsUpdated} updated; cases {result.CasesCreated} new.");
    }

    private static int Usage(TextWriter error, string problem)
    {
        error.WriteLine($"import: {problem}");
        error.WriteLine("usage: import <invoices.csv> [--skip-invalid] [--dry-run] [--config <settings.json>]");
        return 2;
    }
}
