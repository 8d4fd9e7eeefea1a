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
    public string Name => "bank-import";

    public string Summary => "book payments from a camt.053 or MT940 bank statement [--dry-run]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? path = null, configFile = null;
        var dryRun = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run": dryRun = true; break;
                case "--config" when i + 1 < args.Length: configFile = args[++i]; break;
                case var a when !a.StartsWith('-') && path is null: path = a; break;
                default: return Usage(error, $"unexpected argument '{args[i]}'.");
            }
        }
        if (path is null)
            return Usage(error, "which file? ");
        if (!File.Exists(path))
            return Usage(error, $"the file {path} does not exist.");
        if (configFile is not null && !File.Exists(configFile))
            return Usage(error, $"the configuration file {configFile} does not exist.");

        var configuration = DunningConfiguration.ForVerb(configFile is null ? [] : [DunningConfiguration.ConfigFileArgument, configFile]);
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
        error.WriteLine("usage: bank-import <statement.xml|statement.sta> [--dry-run] [--config <settings.json>]");
        return 2;
    }
}
