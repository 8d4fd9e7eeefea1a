using System.Diagnostics;
using System.Text.Json;
using Dunning.Bot.Staff.CaseFiles;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// <c>casefile --messages 5000 [--invoices 50]</c>: renders one large case file (invoices with payments, reminders, a long
/// history and transcript) to PDF and to JSON, as the console's export does. Prints the seconds of each, the PDF's size
/// and pages, and peak memory. Needs an installed TrueType font (fonts-dejavu-core).
/// </summary>
internal sealed class CaseFileScenario : IScenario
{
    public string Name => "casefile";

    public Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var messages = args.Int("messages", 5000);
        var invoices = args.Int("invoices", 50);
        var file = Build(messages, invoices);
        var catalogue = Hosting.DialogsFolder.Catalogue(Path.Combine(AppContext.BaseDirectory, "dialogs")).EnsureValid();
        var pdf = new CaseFilePdf(catalogue, new Staff.Words(catalogue), Microsoft.Extensions.Options.Options.Create(new Core.Cases.EscalationOptions()));
        pdf.Render(Build(10, 1)); // warm-up: font loading and JIT

        var watch = Stopwatch.StartNew();
        var bytes = pdf.Render(file);
        var pdfSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var json = JsonSerializer.SerializeToUtf8Bytes(file, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        var jsonSeconds = watch.Elapsed.TotalSeconds;
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Report.Line(Name, new
        {
            messages,
            invoices,
            pdf_seconds = Math.Round(pdfSeconds, 3),
            pdf_kb = bytes.Length / 1024,
            pages = document.PageCount,
            json_seconds = Math.Round(jsonSeconds, 3),
            json_kb = json.Length / 1024,
            peak_memory_mb = Report.PeakMemoryMb(),
        });
        return Task.CompletedTask;
    }

    private static CaseFile Build(int messages, int invoices)
    {
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(0, invoices * 4).Select(i => new CaseFileEvent(start.AddHours(i), i % 4 == 0 ? "reminder" : "promise",
            $"Stage {i % 4} for invoice RE-{i / 4:D5}", "webchat", "bot", [$"RE-{i / 4:D5}"])).ToList();
        return new CaseFile
        {
            GeneratedAt = start.AddDays(300),
            GeneratedBy = "bench",
            Creditor = new CaseFileCreditor("Muster GmbH", "DE02120300000000202051", "BYLADEM1001", "Bank"),
            Debtor = new CaseFileDebtor("D-1", "Erika Mustermann", "Consumer", "erika@example.com", "DE", "BY", "de",
                [new CaseFileContact("webchat", "abc", null, null)]),
            Invoices = [.. Enumerable.Range(0, invoices).Select(i => new CaseFileInvoice($"RE-{i:D5}", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 15), "EUR",
                "Open", 2, 1190m, 100m, 12.34m, 5m, 0m, 1107.34m, 9.27m, new DateOnly(2026, 3, 1), new DateOnly(2026, 1, 20), "reminder", new DateOnly(2026, 1, 19),
                [new CaseFilePayment(new DateOnly(2026, 2, 1), 100m, "SEPA", 5m, 3.21m, 91.79m, 0m)], [], null, null, null))],
            TotalDue = [new CaseFileAmount(1107.34m * invoices, "EUR")],
            Reminders = [.. events.Where(e => e.Kind == "reminder")],
            Promises = [.. events.Where(e => e.Kind == "promise")],
            Objections = [],
            Agreements = [],
            Escalations = [],
            History = events,
            Transcript = [.. Enumerable.Range(0, messages).Select(i => new CaseFileMessage(start.AddMinutes(i), "webchat/abc", i % 2 == 0 ? "Inbound" : "Outbound",
                i % 2 == 0 ? "debtor" : "bot", $"Message {i}: können Sie mir bitte sagen, wie hoch der offene Betrag zur Rechnung RE-{i % invoices:D5} ist und bis wann ich zahlen muss?"))],
        };
    }
}
