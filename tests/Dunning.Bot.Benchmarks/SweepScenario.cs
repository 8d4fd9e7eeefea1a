using System.Diagnostics;
using Dunning.Bot.Hosting;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Storage.LiteDb.Documents;
using Dunning.Bot.Storage.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// <c>sweep --invoices 100000 --debtors 20000 [--page N]</c>: seeds a temp LiteDB file (bulk) with that portfolio — due dates spread
/// over the last 70 and next 30 days, every debtor with a bound Telegram chat and a case due now, as right after an
/// import — then times ONE sweep at a weekday 10:00 Berlin: planning every due case and enqueuing the day's reminders
/// (outbox entry + case advance per debtor, one transaction each). Prints seconds and CPU seconds (sweep only; the CPU time says more on a busy machine), the collector's pauses and
/// counts, and peak memory. <c>--page</c> overrides <c>Scheduling:SweepPageSize</c> (default: the product's).
/// </summary>
internal sealed class SweepScenario : IScenario
{
    public string Name => "sweep";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var invoiceCount = args.Int("invoices", 100_000);
        var debtorCount = args.Int("debtors", Math.Max(1, invoiceCount / 5));
        var folder = Directory.CreateTempSubdirectory("dunning-sweep-bench-").FullName;
        try
        {
            var settings = BenchmarkStorage.Apply(args, new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(folder, "dunning.db"), ["Scheduling:Enabled"] = "false" });
            if (args.Int("page", 0) is > 0 and var page)   // the product's default unless asked
                settings["Scheduling:SweepPageSize"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var builder = DunningServices.Builder(configuration);
            builder.AddDunningServices().AddDunningScheduling();
            builder.Services.AddPostgreSqlStorageWhenChosen(configuration);
            await using var provider = builder.Services.BuildServiceProvider();
            var now = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(1));
            await SeedAsync(provider, invoiceCount, debtorCount, now, cancellationToken);

            var sweep = provider.GetRequiredService<ScheduleSweep>();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (gen0, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var watch = Stopwatch.StartNew();
            var report = await sweep.SweepAsync(now, cancellationToken);
            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var open = await provider.GetRequiredService<IOutbox>().CountOpenAsync(cancellationToken);
            if (report.Failed > 0 || open != report.Of(PlanOutcome.Enqueued))
                throw new InvalidOperationException($"sweep went wrong: {report}; {open} open entries");

            Report.Line(Name, new
            {
                storage = BenchmarkStorage.Name(args),
                invoices = invoiceCount,
                debtors = debtorCount,
                cases_planned = report.Total,
                enqueued = report.Of(PlanOutcome.Enqueued),
                seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                cpu_seconds = Math.Round(cpu.TotalSeconds, 2),
                gc_pause_seconds = Math.Round((GC.GetTotalPauseDuration() - pause).TotalSeconds, 2),
                gc_gen0 = GC.CollectionCount(0) - gen0,
                gc_gen2 = GC.CollectionCount(2) - gen2,
                peak_memory_mb = Report.PeakMemoryMb(),
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SeedAsync(IServiceProvider provider, int invoiceCount, int debtorCount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random(7);
        string[] zones = ["Europe/Berlin", "Europe/Vienna", "Europe/London"];
        string[] countries = ["DE", "AT", "GB"];
        var today = DateOnly.FromDateTime(now.Date);
        var debtors = new List<Debtor>(debtorCount);
        var cases = new List<DunningCase>(debtorCount);
        var links = new List<ConversationLink>(debtorCount);
        for (var d = 0; d < debtorCount; d++)
        {
            var id = $"D-{d:D6}";
            var zone = d % zones.Length;
            var debtor = new Debtor
            {
                Id = id, Name = $"Kunde {d}", TimeZone = zones[zone], Country = countries[zone], Kind = d % 4 == 0 ? DebtorKind.Business : DebtorKind.Consumer,
                AccessCode = $"AC{d:D8}", LinkToken = $"LT{d:D10}",
            };
            debtor.Reach(ChannelKind.Telegram, $"chat-{d}");
            debtors.Add(debtor);
            cases.Add(new DunningCase { DebtorId = id, NextActionAt = now });
            var link = new ConversationLink
            {
                Key = $"telegram/chat-{d}", Channel = ChannelKind.Telegram,
                Reference = new ConversationReference { ChannelId = ChannelKind.Telegram, Conversation = new ConversationAccount($"chat-{d}") },
                LastInboundAt = now.AddDays(-30),
            };
            link.LinkTo(id, now.AddDays(-30));
            links.Add(link);
        }
        var invoices = new List<Invoice>(invoiceCount);
        for (var i = 0; i < invoiceCount; i++)
        {
            var due = today.AddDays(random.Next(-70, 30));
            invoices.Add(Invoice.Create($"RE-{i:D7}", debtors[i % debtorCount].Id, due.AddDays(-14), due, "EUR", 50m + random.Next(0, 500_000) / 100m));
        }
        await provider.GetRequiredService<IInvoiceStore>().SaveBatchAsync(debtors, invoices, cases, cancellationToken);
        var conversations = provider.GetRequiredService<IConversationStore>();   // (LiteDB: ensures the collection's indexes)
        if (conversations is LiteConversationStore)
            provider.GetRequiredService<LiteDbContext>().Database.GetCollection(LiteConversationStore.CollectionName).InsertBulk(links.Select(ConversationDocument.ToBson));
        else
            await Task.WhenAll(links.Chunk(links.Count / 8 + 1).Select(async part =>
            {
                foreach (var link in part)
                    await conversations.SaveAsync(link, cancellationToken);
            }));
    }
}
