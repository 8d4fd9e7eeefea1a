using System.CommandLine;
using System.Globalization;
using Dunning.Bot.Banking;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>bank-import statement.xml|statement.sta [--dry-run] [--config file]</c>: matches the statement's credits to invoices
/// and books them (see <see cref="BankImporter"/>). Exit codes: 0 read (entries may still wait for review), 1 file refused, 2 usage.
/// </summary>
internal sealed class BankImportVerb : ICliVerb
{
    private const string UsageLine = "usage: bank-import <statement.xml|statement.sta> [--dry-run] [--config <settings.json>]";
    public string Name => "bank-import";

    public string Summary => "book payments from a camt.053 or MT940 bank statement [--dry-run]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var statement = new Argument<string?>("statement") { Arity = ArgumentArity.ZeroOrOne };
        var dryRunOption = VerbLine.DryRun();
        var config = VerbLine.ConfigFile();
        if (VerbLine.Parse(new Command(Name) { statement, dryRunOption, config }, args, error, UsageLine) is not { } line)
            return 2;
        var path = line.GetValue(statement);
        var configFile = line.GetValue(config);
        var dryRun = line.GetValue(dryRunOption);
        if (path is null)
            return Usage(error, "which file? ");
        if (!File.Exists(path))
            return Usage(error, $"the file {path} does not exist.");
        if (configFile is not null && !File.Exists(configFile))
            return Usage(error, $"the configuration file {configFile} does not exist.");

        var configuration = DunningConfiguration.ForVerb(VerbLine.ConfigArguments(configFile));
        using var host = DunningServices.ForVerb(configuration, b => b.AddDunningBanking());
        var services = host.Services;
        await using var file = File.OpenRead(path);
        var report = await services.GetRequiredService<BankImporter>().ImportAsync(file, dryRun, cancellationToken);
        Print(Path.GetFileName(path), report, output, error);
        return report.Refusal is null ? 0 : 1;
    }

    private static void Print(string file, BankImportReport report, TextWriter output, TextWriter error)
    {
        if (report.Refusal is not null)
        {
            error.WriteLine($"{file}: refused, nothing booked: {report.Refusal}");
            return;
        }
        output.WriteLine($"{(report.DryRun ? "Dry run, nothing booked: " : "")}{file} ({report.Format}, {report.Currency}): {report.Entries} entries; "
            + $"booked {report.Booked.Count}, already booked {report.AlreadyBooked.Count}, for review {report.Review.Count}, refused {report.Refused.Count}, skipped {report.Skipped.Count}.");
        foreach (var b in report.Booked)
            output.WriteLine($"  booked    {b.Reference}\t{b.Invoice}\t{Amount(b.Amount)} {b.Currency}\tcosts {Amount(b.ToFees)}, interest {Amount(b.ToInterest)}, principal {Amount(b.ToPrincipal)}, credit {Amount(b.Credit)}; open {Amount(b.Open)}");
        foreach (var (label, items) in new[] { ("already  ", report.AlreadyBooked), ("review   ", report.Review), ("refused  ", report.Refused) })
        {
            foreach (var item in items)
                output.WriteLine($"  {label} {item.Reference ?? "-"}\t{Amount(item.Amount)} {item.Currency}\t{item.Payer ?? "-"}\t{item.Reason}"
                    + (item.Suggestions.Count > 0 ? $" ({string.Join(", ", item.Suggestions)})" : ""));
        }
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static int Usage(TextWriter error, string problem)
    {
        error.WriteLine($"bank-import: {problem}");
        error.WriteLine(UsageLine);
        return 2;
    }
}
