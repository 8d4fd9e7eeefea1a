using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dunning.Bot.Banking;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// <c>bank-import --entries 50000 --invoices 100000</c>: seeds a temp LiteDB file with the invoices (5 per debtor), writes
/// a camt.053 statement whose credits name an open invoice in nine of ten entries (the rest go to review), then times ONE
/// import: parsing, matching against every open claim and booking each payment through the ledger. Prints seconds and peak memory.
/// <c>--dry-run 1</c> times parsing and matching alone; <c>--batch N</c> sets Banking:BookingBatchSize.
/// </summary>
internal sealed class BankImportScenario : IScenario
{
    public string Name => "bank-import";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var entryCount = args.Int("entries", 50_000);
        var invoiceCount = args.Int("invoices", 100_000);
        var dryRun = args.Int("dry-run", 0) == 1;   // 1: parse and match only, book nothing
        var batch = args.Int("batch", new BankingOptions().BookingBatchSize);
        var folder = Directory.CreateTempSubdirectory("dunning-bank-bench-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Path"] = Path.Combine(folder, "dunning.db"),
                ["Banking:BookingBatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
            }).Build();
            var now = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);
            var builder = DunningServices.Builder(configuration);
            builder.AddDunningServices().AddDunningBanking();
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(now)));
            await using var provider = builder.Services.BuildServiceProvider();
            await SeedAsync(provider, invoiceCount, cancellationToken);
            var statement = Statement(entryCount, invoiceCount);

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var report = await provider.GetRequiredService<BankImporter>().ImportAsync(new MemoryStream(statement), dryRun, cancellationToken);
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (report.Refusal is not null)
                throw new InvalidOperationException(report.Refusal);

            Report.Line(Name, new
            {
                entries = entryCount,
                dry_run = dryRun,
                invoices = invoiceCount,
                statement_mb = Math.Round(statement.Length / 1048576.0, 1),
                booked = report.Booked.Count,
                review = report.Review.Count,
                refused = report.Refused.Count,
                batch,
                seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                // CPU time of the import: on a shared, loaded machine the wall clock mostly measures the neighbours.
                cpu_seconds = Math.Round(cpu.TotalSeconds, 2),
                peak_memory_mb = Report.PeakMemoryMb(),
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SeedAsync(IServiceProvider provider, int invoiceCount, CancellationToken cancellationToken)
    {
        var debtorCount = Math.Max(1, invoiceCount / 5);
        var debtors = Enumerable.Range(0, debtorCount).Select(d => new Debtor
        {
            Id = $"D-{d:D6}", Name = $"Kunde {d}", TimeZone = "Europe/Berlin", Country = "DE", Kind = DebtorKind.Business,
            AccessCode = $"AC{d:D8}", LinkToken = $"LT{d:D10}",
        }).ToList();
        var due = new DateOnly(2026, 3, 20);
        var invoices = Enumerable.Range(0, invoiceCount)
            .Select(i => Invoice.Create($"RE-{i:D7}", debtors[i % debtorCount].Id, due.AddDays(-14), due, "EUR", 100m + (i % 900)))
            .ToList();
        await provider.GetRequiredService<IInvoiceStore>().SaveBatchAsync(debtors, invoices, [.. debtors.Select(d => new DunningCase { DebtorId = d.Id })], cancellationToken);
    }

    /// <summary>A camt.053 with <paramref name="entryCount"/> credits of €50: nine in ten name an invoice ("Rg. RE 000 1234"), one in ten not.</summary>
    private static byte[] Statement(int entryCount, int invoiceCount)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><GrpHdr><MsgId>B</MsgId></GrpHdr><Stmt><Id>1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>\n");
        for (var e = 0; e < entryCount; e++)
        {
            var invoice = (int)((long)e * 7919 % invoiceCount);
            var text = e % 10 == 9 ? "Danke fuer die Lieferung" : $"Rg. RE {invoice:D7} vom Februar";
            sb.Append(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"EUR\">50.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-09</Dt></BookgDt><ValDt><Dt>2026-03-09</Dt></ValDt><AcctSvcrRef>B{e:D8}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Kunde {invoice % (invoiceCount / 5)}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>{text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
        }
        sb.Append("</Stmt></BkToCstmrStmt></Document>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
