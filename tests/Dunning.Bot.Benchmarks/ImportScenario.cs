using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dunning.Bot.Intake;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Storage.PostgreSql;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// <c>import --invoices 100000 [--debtors 20000]</c>: writes a German-Excel-style CSV (semicolons, 1.234,56,
/// 26.11.2026, some invoices with several line rows) to a temp folder and imports it into a fresh LiteDB file
/// through the real <see cref="InvoiceImporter"/> (or into PostgreSQL: <c>--storage postgresql --connection CS</c>, see
/// <see cref="BenchmarkStorage"/>). Prints seconds (import only) and peak memory.
/// </summary>
internal sealed class ImportScenario : IScenario
{
    public string Name => "import";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var invoiceCount = args.Int("invoices", 100_000);
        var debtorCount = args.Int("debtors", Math.Max(1, invoiceCount / 5));
        var folder = Path.Combine(Path.GetTempPath(), "dunning-import-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var csv = Path.Combine(folder, "invoices.csv");
            var rows = await WriteCsvAsync(csv, invoiceCount, debtorCount, cancellationToken);
            using var context = BenchmarkStorage.IsPostgreSql(args) ? null : new LiteDbContext(new StorageOptions { Path = Path.Combine(folder, "dunning.db") });
            await using var database = BenchmarkStorage.IsPostgreSql(args) ? new PostgreSqlDatabase(BenchmarkStorage.Connection(args)) : null;
            var importer = context is not null
                ? new InvoiceImporter(new LiteDebtorStore(context), new LiteInvoiceStore(context), new LiteCaseStore(context), Options.Create(new ImportOptions()), TimeProvider.System)
                : new InvoiceImporter(new PostgreSqlDebtorStore(database!), new PostgreSqlInvoiceStore(database!), new PostgreSqlCaseStore(database!),
                    Options.Create(new ImportOptions()), TimeProvider.System);
            if (database is not null)
                await database.MigrateAsync(cancellationToken);

            var watch = Stopwatch.StartNew();
            var result = await importer.ImportAsync(csv, ImportMode.AllOrNothing, cancellationToken);
            watch.Stop();
            if (!result.Committed || result.InvoicesCreated != invoiceCount)
                throw new InvalidOperationException($"import failed: {string.Join("; ", result.Problems.Take(5))}");

            Report.Line(Name, new
            {
                storage = BenchmarkStorage.Name(args),
                invoices = invoiceCount,
                debtors = result.DebtorsCreated,
                rows,
                file_mb = Math.Round(new FileInfo(csv).Length / 1024.0 / 1024.0, 1),
                seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                peak_memory_mb = Report.PeakMemoryMb(),
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> WriteCsvAsync(string path, int invoices, int debtors, CancellationToken cancellationToken)
    {
        var random = new Random(42);
        string[] zones = ["Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "Europe/London", "America/New_York"];
        string[] items = ["Wartung Heizung", "Beratung (Stunde)", "Ersatzteil \"Ventil\"", "Anfahrt", "Lizenz; Jahresgebühr", "Material"];
        var de = CultureInfo.GetCultureInfo("de-DE");
        var rows = 0;
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        await writer.WriteLineAsync("Rechnungsnummer;Kundennummer;Name;Kundenart;Sprache;Zeitzone;Land;Bundesland;E-Mail;Rechnungsdatum;Fälligkeit;Währung;Betrag;Position;Menge;Einzelpreis;MwSt;Dokument");
        for (var i = 0; i < invoices; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var d = random.Next(debtors);
            var business = d % 3 == 0;
            var language = d % 4 == 0 ? "en" : "de";
            var debtor = $"K{d:D6};{(business ? $"Müller & Partner {d} GmbH" : $"Jürgen Schäfer {d}")};{(business ? "Unternehmen" : "Verbraucher")};{language};{zones[d % zones.Length]};{(d % 5 == 4 ? "US" : "DE")};{(d % 2 == 0 ? "BY" : "")};k{d}@example.com";
            var issue = new DateOnly(2026, 1, 1).AddDays(random.Next(300));
            var dates = $"{issue:dd.MM.yyyy};{issue.AddDays(14 + random.Next(3) * 7).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)};EUR";
            var number = $"RE-2026-{i + 1:D7}";
            var lineCount = random.Next(10) < 7 ? 0 : 2 + random.Next(2);
            if (lineCount == 0)
            {
                var total = Math.Round((decimal)(random.NextDouble() * 5000) + 10m, 2);
                await writer.WriteLineAsync($"{number};{debtor};{dates.Replace(";EUR", "", StringComparison.Ordinal)};EUR;{total.ToString("#,##0.00", de)};;;;;https://files.example.com/{number}.pdf");
                rows++;
                continue;
            }
            for (var l = 0; l < lineCount; l++)
            {
                var quantity = 1 + random.Next(5);
                var price = Math.Round((decimal)(random.NextDouble() * 800) + 1m, 2);
                var item = items[random.Next(items.Length)];
                var quoted = item.Contains('"', StringComparison.Ordinal) || item.Contains(';', StringComparison.Ordinal) ? $"\"{item.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : item;
                var head = l == 0 ? $"{debtor};{dates}" : ";;;;;;;;;;EUR";
                await writer.WriteLineAsync($"{number};{head};;{quoted};{quantity};{price.ToString("#,##0.00", de)};19;");
                rows++;
            }
        }
        return rows;
    }
}
