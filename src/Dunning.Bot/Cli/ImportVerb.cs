using System.CommandLine;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Dunning.Bot.Intake;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>import invoices.csv [--skip-invalid] [--dry-run] [--lang de|en] [--config file]</c>. After an import it lists the
/// access code of each debtor in the file (to the terminal only, never to a log). Exit codes: 0 imported (with
/// --skip-invalid: at least the valid rows), 1 nothing imported because of problems (listed on stderr), 2 usage.
/// </summary>
internal sealed class ImportVerb : ICliVerb
{
    public string Name => "import";

    public string Summary => "import open invoices from a CSV file (see docs/importing.md)";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!CliText.TryTake(Name, ref args, error, out var text))
            return 2;
        var file = new Argument<string?>("invoices.csv") { Arity = ArgumentArity.ZeroOrOne };
        var skipInvalid = new Option<bool>("--skip-invalid") { Arity = ArgumentArity.Zero };
        var dryRun = VerbLine.DryRun();
        var config = VerbLine.ConfigFile();
        if (VerbLine.Parse(new Command(Name) { file, skipInvalid, dryRun, config }, args, error, text, "import_usage") is not { } line)
            return 2;
        var path = line.GetValue(file);
        var configFile = line.GetValue(config);
        var mode = ImportMode.AllOrNothing;
        if (line.GetValue(skipInvalid))
            mode |= ImportMode.SkipInvalid;
        if (line.GetValue(dryRun))
            mode |= ImportMode.DryRun;
        if (path is null)
            return Usage(error, text, text.Say("import_which_file"));
        if (configFile is not null && !File.Exists(configFile))
            return Usage(error, text, text.Say("no_config", new() { ["verb"] = Name, ["file"] = configFile }));

        var configuration = DunningConfiguration.ForVerb(VerbLine.ConfigArguments(configFile));
        using var host = DunningServices.ForVerb(configuration, b => b.AddDunningIntake());
        var services = host.Services;
        var result = await services.GetRequiredService<InvoiceImporter>().ImportAsync(path, mode, cancellationToken);
        var succeeded = !result.FileRejected
            && (result.ProblemCount == 0 || result.InvoicesCreated + result.InvoicesUpdated + result.InvoicesUnchanged > 0);
        Report(Path.GetFileName(path), result, succeeded, text, output, error);
        if (succeeded && result.Committed)
            await AccessCodesAsync(services.GetRequiredService<IDebtorStore>(), result, text, output, cancellationToken);
        return succeeded ? 0 : 1;
    }

    private static void Report(string file, ImportResult result, bool succeeded, CliText text, TextWriter output, TextWriter error)
    {
        if (result.ProblemCount > 0)
        {
            error.WriteLine(text.Say("import_problems", new() { ["file"] = file, ["count"] = result.ProblemCount, ["succeeded"] = succeeded, ["skipped"] = result.RowsSkipped }));
            foreach (var problem in result.Problems)
                error.WriteLine($"  {problem}");
            if (result.ProblemCount > result.Problems.Count)
                error.WriteLine(text.Say("import_more_problems", new() { ["count"] = result.ProblemCount - result.Problems.Count }));
        }
        if (!succeeded)
            return;
        output.WriteLine(text.Say("import_done", new()
        {
            ["dry_run"] = result.DryRun, ["file"] = file, ["rows"] = result.RowsRead,
            ["invoices_new"] = result.InvoicesCreated, ["invoices_updated"] = result.InvoicesUpdated, ["invoices_unchanged"] = result.InvoicesUnchanged,
            ["debtors_new"] = result.DebtorsCreated, ["debtors_updated"] = result.DebtorsUpdated, ["cases_new"] = result.CasesCreated,
        }));
    }

    /// <summary>Each debtor of the file with their access code, new ones marked, and how to print their letters.</summary>
    private static async Task AccessCodesAsync(IDebtorStore debtors, ImportResult result, CliText text, TextWriter output, CancellationToken cancellationToken)
    {
        var found = await debtors.FindManyAsync(result.DebtorIds, cancellationToken);
        if (found.Count == 0)
            return;
        output.WriteLine(text.Say("import_codes"));
        foreach (var debtor in found.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            output.WriteLine(text.Say("import_code_line", new()
            {
                ["id"] = debtor.Id, ["name"] = debtor.Name, ["code"] = debtor.AccessCode, ["is_new"] = result.NewDebtorIds.Contains(debtor.Id),
            }));
        }
        if (result.NewDebtorIds.Count > 0)
            output.WriteLine(text.Say("import_letters_hint"));
    }

    private static int Usage(TextWriter error, CliText text, string problem)
    {
        error.WriteLine(problem);
        error.WriteLine(text.Say("import_usage"));
        return 2;
    }
}
