using System.Text;
using Dunning.Bot.Intake;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Intake;

/// <summary>An importer over a LiteDB in memory, fed CSV text.</summary>
public sealed class Importing : IDisposable
{
    public const string Header = "invoice_number,debtor_id,debtor_name,debtor_kind,language,time_zone,country,state,email,issue_date,due_date,currency,total,document_link";

    public Importing(ImportOptions? options = null)
    {
        Context = new LiteDbContext(new MemoryStream());
        Debtors = new LiteDebtorStore(Context);
        Invoices = new LiteInvoiceStore(Context);
        Cases = new LiteCaseStore(Context);
        Importer = new InvoiceImporter(Debtors, Invoices, Cases, Options.Create(options ?? new ImportOptions()), Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    public LiteDbContext Context { get; }

    public LiteDebtorStore Debtors { get; }

    public LiteInvoiceStore Invoices { get; }

    public LiteCaseStore Cases { get; }

    public InvoiceImporter Importer { get; }

    public static string Row(string number, string debtor = "K1", string total = "119.00", string issue = "2026-11-01", string due = "2026-11-15",
        string currency = "EUR", string name = "Erika Mustermann", string link = "") =>
        $"{number},{debtor},{name},consumer,de,Europe/Berlin,DE,BY,erika@example.com,{issue},{due},{currency},{total},{link}";

    public static string Csv(params string[] rows) => string.Join("\r\n", rows) + "\r\n";

    public Task<ImportResult> ImportAsync(string csv, ImportMode mode = ImportMode.AllOrNothing, Encoding? encoding = null) =>
        ImportAsync((encoding ?? new UTF8Encoding(false)).GetBytes(csv), mode);

    public async Task<ImportResult> ImportAsync(byte[] bytes, ImportMode mode = ImportMode.AllOrNothing)
    {
        using var stream = new MemoryStream(bytes);
        return await Importer.ImportAsync(stream, mode, CancellationToken.None);
    }

    public int StoredInvoices => Context.Database.GetCollection(LiteDbContext.Invoices).Count();

    public int StoredDebtors => Context.Database.GetCollection(LiteDbContext.Debtors).Count();

    public void Dispose() => Context.Dispose();
}
