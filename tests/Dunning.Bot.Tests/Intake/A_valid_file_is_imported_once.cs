using System.Text;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Intake;
using static Dunning.Bot.Tests.Intake.Importing;

namespace Dunning.Bot.Tests.Intake;

public sealed class A_valid_file_is_imported_once : IDisposable
{
    private readonly Importing importing = new();
    private readonly CancellationToken ct = CancellationToken.None;

    [Fact]
    public async Task Invoices_debtors_and_cases_are_created_with_fresh_secrets()
    {
        var result = await importing.ImportAsync(Csv(Header, Row("RE-1"), Row("RE-2", total: "50.5"), Row("RE-3", debtor: "K2", name: "Acme Ltd")));

        Assert.True(result.Committed);
        Assert.Equal((3, 2, 2, 0), (result.InvoicesCreated, result.DebtorsCreated, result.CasesCreated, result.ProblemCount));
        var k1 = (await importing.Debtors.FindAsync("K1", ct))!;
        var k2 = (await importing.Debtors.FindAsync("K2", ct))!;
        Assert.Equal(("Erika Mustermann", "BY", "erika@example.com", DebtorKind.Consumer), (k1.Name, k1.State, k1.Email, k1.Kind));
        Assert.Matches($"^[{DebtorSecrets.AccessCodeAlphabet}]{{8}}$", k1.AccessCode);
        Assert.Matches("^[A-Za-z0-9_-]{22,}$", k1.LinkToken);
        Assert.NotEqual(k1.AccessCode, k2.AccessCode);
        Assert.NotEqual(k1.LinkToken, k2.LinkToken);
        var invoice = (await importing.Invoices.FindAsync("RE-2", ct))!;
        Assert.Equal((50.5m, "K1", new DateOnly(2026, 11, 15)), (invoice.Total, invoice.DebtorId, invoice.DueDate));
        Assert.Equal(importing.Time.GetUtcNow(), (await importing.Cases.FindAsync("K1", ct))!.NextActionAt);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var csv = Csv(Header, Row("RE-1"), Row("RE-2"));
        await importing.ImportAsync(csv);
        var codeBefore = (await importing.Debtors.FindAsync("K1", ct))!.AccessCode;

        var again = await importing.ImportAsync(csv);

        Assert.Equal((0, 0, 2, 0, 0, false), (again.InvoicesCreated, again.InvoicesUpdated, again.InvoicesUnchanged, again.DebtorsCreated, again.DebtorsUpdated, again.Committed));
        Assert.Equal(2, importing.StoredInvoices);
        Assert.Equal(1, (await importing.Invoices.FindAsync("RE-1", ct))!.Version);
        Assert.Equal(codeBefore, (await importing.Debtors.FindAsync("K1", ct))!.AccessCode);
    }

    [Fact]
    public async Task A_reimport_updates_editable_fields_and_keeps_payments_and_pauses()
    {
        await importing.ImportAsync(Csv(Header, Row("RE-1", total: "100.00", link: "old.pdf")));
        var stored = (await importing.Invoices.FindAsync("RE-1", ct))!;
        stored.RecordPayment(new Payment(new DateOnly(2026, 11, 20), 30m, "SEPA-1"));
        stored.PauseDunning("Rückfrage", null, importing.Time.GetUtcNow());
        await importing.Invoices.SaveAsync(stored, ct);

        var result = await importing.ImportAsync(Csv(Header, Row("RE-1", total: "120.00", due: "2026-12-01", link: "new.pdf", name: "Erika Musterfrau")));

        var invoice = (await importing.Invoices.FindAsync("RE-1", ct))!;
        Assert.Equal((1, 1), (result.InvoicesUpdated, result.DebtorsUpdated));
        Assert.Equal((120m, new DateOnly(2026, 12, 1), "new.pdf", 90m, 3), (invoice.Total, invoice.DueDate, invoice.DocumentLink, invoice.Total - invoice.Paid, invoice.Version));
        Assert.Single(invoice.Payments);
        Assert.Equal("Rückfrage", invoice.Pause?.Reason);
        Assert.Equal("Erika Musterfrau", (await importing.Debtors.FindAsync("K1", ct))!.Name);
        Assert.Equal(1, importing.StoredInvoices);
    }

    [Fact]
    public async Task Line_items_on_consecutive_rows_make_one_invoice()
    {
        var csv = Csv(
            "Rechnungsnummer;Kundennummer;Name;Rechnungsdatum;Fälligkeit;Währung;Betrag;Position;Menge;Einzelpreis;MwSt",
            "RE-7;K1;Müller GmbH;26.11.2026;10.12.2026;EUR;1.309,00;Wartung;2;500,00;19",
            "RE-7;;;;;;;\"Ersatzteil \"\"Ventil\"\"; klein\";1;100;19 %",
            "RE-8;K1;Müller GmbH;26.11.2026;10.12.2026;EUR;;Beratung;1,5;80;19");

        var result = await importing.ImportAsync(csv);

        Assert.Equal(0, result.ProblemCount);
        var re7 = (await importing.Invoices.FindAsync("RE-7", ct))!;
        Assert.Equal(1309.00m, re7.Total);
        Assert.Equal(["Wartung", "Ersatzteil \"Ventil\"; klein"], re7.Lines.Select(l => l.Description));
        Assert.Equal(142.80m, (await importing.Invoices.FindAsync("RE-8", ct))!.Total);
    }

    [Fact]
    public async Task Windows_1252_and_UTF8_with_or_without_BOM_read_the_same_umlauts()
    {
        var csv = Csv("Rechnungsnummer;Kundennummer;Name;Rechnungsdatum;Fälligkeit;Währung;Betrag", "RE-1;K1;Jürgen Größ;01.11.2026;15.11.2026;EUR;1.000,50");
        var windows = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        foreach (var bytes in new[] { windows.GetBytes(csv), new UTF8Encoding(false).GetBytes(csv), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)] })
        {
            using var fresh = new Importing();
            var result = await fresh.ImportAsync(bytes);

            Assert.Equal(0, result.ProblemCount);
            Assert.Equal("Jürgen Größ", (await fresh.Debtors.FindAsync("K1", ct))!.Name);
            Assert.Equal(1000.50m, (await fresh.Invoices.FindAsync("RE-1", ct))!.Total);
        }
    }

    [Fact]
    public async Task A_dry_run_counts_but_writes_nothing()
    {
        var result = await importing.ImportAsync(Csv(Header, Row("RE-1")), ImportMode.DryRun);

        Assert.Equal((1, 1, false, true), (result.InvoicesCreated, result.DebtorsCreated, result.Committed, result.DryRun));
        Assert.Equal((0, 0), (importing.StoredInvoices, importing.StoredDebtors));
    }

    public void Dispose() => importing.Dispose();
}
