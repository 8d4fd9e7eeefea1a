using static Dunning.Bot.Tests.Banking.BankStatementHost;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// Over HTTP with LiteDB: a credit is booked on the invoice its remittance text names (our numbers, with spaces or hyphens
/// as payers write them), else on the one open claim of the payer equal to the amount; anything unclear waits for review.
/// </summary>
public sealed class Credits_are_matched_to_open_claims : IDisposable
{
    private readonly BankStatementHost bank = new();

    private async Task SeedAsync()
    {
        await bank.DebtorAsync("D-MB", "Müller Bau GmbH");
        await bank.DebtorAsync("D-HL", "Hansa Logistik KG");
        await bank.InvoiceAsync("RE-2026-0042", "D-MB", 1190m, due: "2026-03-06");
        await bank.InvoiceAsync("RE-2026-0077", "D-HL", 480m, due: "2026-03-06");
        await bank.InvoiceAsync("RE-2026-0078", "D-HL", 250m, due: "2026-03-06");
        await bank.InvoiceAsync("RE-2026-0079", "D-HL", 250m, due: "2026-03-07");
    }

    [Fact]
    public async Task The_invoice_number_in_the_text_is_found_even_with_spaces_and_a_line_break()
    {
        await SeedAsync();

        var (status, report) = await bank.ImportAsync(Camt053(new Camt("SPK-1", 1190m, Unstructured("MUELLER BAU", "Rechnung RE 2026 -", "0042 Danke"))));

        Assert.Equal(200, status);
        Assert.Equal(["RE-2026-0042"], Strings(report.GetProperty("booked"), "invoice"));
        Assert.Equal("paid", (await bank.InvoiceAsync("RE-2026-0042")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_a_number_the_amount_equal_to_the_payers_one_open_claim_is_booked()
    {
        await SeedAsync();

        var (_, report) = await bank.ImportAsync(Camt053(new Camt("VB-1", 480m, Structured("Hansa Logistik KG", "Sammelzahlung Maerz"))));

        Assert.Equal(["RE-2026-0077"], Strings(report.GetProperty("booked"), "invoice"));
        Assert.Equal(480m, (await bank.InvoiceAsync("RE-2026-0077")).GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task An_amount_that_fits_two_claims_or_an_unknown_payer_waits_for_review_once_however_often_imported()
    {
        await SeedAsync();
        var statement = Camt053(
            new Camt("VB-2", 250m, Unstructured("Hansa Logistik KG", "Zahlung")),
            new Camt("VB-3", 99m, Unstructured("Fremdfirma AG", "Spende")));

        var (_, report) = await bank.ImportAsync(statement);
        await bank.ImportAsync(statement);

        var review = report.GetProperty("review");
        Assert.Equal(["VB-2", "VB-3"], Strings(review, "reference"));
        Assert.Contains("ambiguous", review[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["RE-2026-0078", "RE-2026-0079"], [.. review[0].GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!).Order()]);
        Assert.Contains("not a known debtor", review[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(report.GetProperty("booked").EnumerateArray());
        Assert.Equal(2, (await bank.ReviewAsync()).GetArrayLength());
        Assert.Equal(0m, (await bank.InvoiceAsync("RE-2026-0078")).GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task Overlapping_statements_book_nothing_twice()
    {
        await SeedAsync();
        var monday = Camt053(new Camt("A-1", 1190m, Unstructured("Müller Bau GmbH", "RE-2026-0042")), new Camt("A-2", 100m, Unstructured("Hansa", "RE-2026-0077")));
        var mondayAndTuesday = Camt053(new Camt("A-2", 100m, Unstructured("Hansa", "RE-2026-0077")), new Camt("A-3", 80m, Unstructured("Hansa", "RE-2026-0077")));

        await bank.ImportAsync(monday);
        var (_, again) = await bank.ImportAsync(monday);
        var (_, overlap) = await bank.ImportAsync(mondayAndTuesday);

        Assert.Empty(again.GetProperty("booked").EnumerateArray());
        Assert.Equal(["A-1", "A-2"], Strings(again.GetProperty("alreadyBooked"), "reference"));
        Assert.Equal(["A-2"], Strings(overlap.GetProperty("alreadyBooked"), "reference"));
        Assert.Equal(["A-3"], Strings(overlap.GetProperty("booked"), "reference"));
        Assert.Equal(180m, (await bank.InvoiceAsync("RE-2026-0077")).GetProperty("paid").GetDecimal());
        Assert.Equal(1190m, (await bank.InvoiceAsync("RE-2026-0042")).GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task One_transfer_that_pays_two_invoices_exactly_is_split_and_booked()
    {
        await SeedAsync();

        var (_, report) = await bank.ImportAsync(Mt940("EUR", ("2603090309C500,00NTRFNONREF//MT-SPLIT", "166?00GUTSCHRIFT?20RE-2026-0079, RE-2026-0078?32HANSA LOGISTIK KG")));

        Assert.Equal(["RE-2026-0078", "RE-2026-0079"], Strings(report.GetProperty("booked"), "invoice"));
        Assert.Equal("severalInvoices", report.GetProperty("booked")[0].GetProperty("rule").GetString());
        Assert.Equal((250m, 250m), ((await bank.InvoiceAsync("RE-2026-0078")).GetProperty("paid").GetDecimal(), (await bank.InvoiceAsync("RE-2026-0079")).GetProperty("paid").GetDecimal()));
    }

    [Fact]
    public async Task One_transfer_that_pays_two_invoices_in_part_waits_for_review_with_a_split_oldest_due_first()
    {
        await SeedAsync();

        var (_, report) = await bank.ImportAsync(Mt940("EUR", ("2603090309C400,00NTRFNONREF//MT-PART", "166?00GUTSCHRIFT?20RE-2026-0079, RE-2026-0078?32HANSA LOGISTIK KG")));

        Assert.Empty(report.GetProperty("booked").EnumerateArray());
        var item = Assert.Single((await bank.ReviewAsync()).EnumerateArray()).GetProperty("item");
        Assert.Equal(["RE-2026-0078", "RE-2026-0079"], [.. item.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!)]);
        Assert.Contains("250.00 to RE-2026-0078, 150.00 to RE-2026-0079", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0m, (await bank.InvoiceAsync("RE-2026-0078")).GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task Reversals_debits_other_currencies_and_zero_or_negative_amounts_book_nothing()
    {
        await SeedAsync();

        var (status, report) = await bank.ImportAsync(Camt053(
            new Camt("X-1", 1190m, Unstructured("Müller Bau GmbH", "RE-2026-0042"), Direction: "DBIT", Reversal: true),
            new Camt("X-2", 1190m, Unstructured("Müller Bau GmbH", "RE-2026-0042"), Direction: "DBIT"),
            new Camt("X-3", 1190m, Unstructured("Müller Bau GmbH", "RE-2026-0042"), Ccy: "CHF"),
            new Camt("X-4", 0m, Unstructured("Müller Bau GmbH", "RE-2026-0042")),
            new Camt("X-5", -5m, Unstructured("Müller Bau GmbH", "RE-2026-0042"))));

        Assert.Equal(200, status);
        Assert.Empty(report.GetProperty("booked").EnumerateArray());
        Assert.Equal(["X-1"], Strings(report.GetProperty("review"), "reference"));
        Assert.Contains("reversal", report.GetProperty("review")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["X-2"], Strings(report.GetProperty("skipped"), "reference"));
        Assert.Equal(["X-3", "X-4", "X-5"], Strings(report.GetProperty("refused"), "reference"));
        Assert.Equal(0m, (await bank.InvoiceAsync("RE-2026-0042")).GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_be_booked_and_changes_nothing()
    {
        await SeedAsync();

        var (_, report) = await bank.ImportAsync(Camt053(new Camt("D-1", 1190m, Unstructured("X", "RE-2026-0042")), new Camt("D-2", 5m, Unstructured("Y", "?"))), dryRun: true);

        Assert.Equal(["RE-2026-0042"], Strings(report.GetProperty("booked"), "invoice"));
        Assert.Equal(0m, (await bank.InvoiceAsync("RE-2026-0042")).GetProperty("paid").GetDecimal());
        Assert.Equal(0, (await bank.ReviewAsync()).GetArrayLength());
    }

    public void Dispose() => bank.Dispose();
}
