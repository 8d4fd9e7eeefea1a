using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using static Dunning.Bot.Tests.Banking.BankStatementHost;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// Over HTTP with LiteDB: an RF creditor reference with valid check digits is certain; an invoice number that matches only
/// with O read as 0 waits for review; a payer's IBAN learned from a match by number finds the debtor later; a credit equal
/// to the next instalment of an agreement is booked on its invoices and the instalment marked paid. Every booking says
/// its rule and confidence.
/// </summary>
public sealed class Credits_are_matched_by_reference_account_and_instalment : IDisposable
{
    private const string PayerIban = "DE89370400440532013000";
    private readonly BankStatementHost bank = new();

    private async Task SeedAsync()
    {
        await bank.DebtorAsync("D-MB", "Müller Bau GmbH");
        await bank.DebtorAsync("D-HL", "Hansa Logistik KG");
        await bank.InvoiceAsync("RE-2026-0042", "D-MB", 1190m, due: "2026-03-06");
        await bank.InvoiceAsync("RE-2026-0043", "D-MB", 300m, due: "2026-03-06");
        await bank.InvoiceAsync("RE-2026-0077", "D-HL", 480m, due: "2026-03-06");
    }

    [Fact]
    public async Task A_valid_RF_reference_is_booked_with_full_confidence_and_one_with_wrong_check_digits_counts_only_as_the_number_in_it()
    {
        await SeedAsync();
        var rf = CreditorReference.For("RE-2026-0042")!;
        var wrong = "RF00" + rf[4..];

        var (_, report) = await bank.ImportAsync(Camt053(
            new Camt("RF-1", 500m, StructuredReference("Irgendwer", CreditorReference.Format(rf))),
            new Camt("RF-2", 480m, StructuredReference("Niemand", wrong.Replace("RE20260042", "RE20260077", StringComparison.Ordinal)))));

        var booked = report.GetProperty("booked");
        Assert.Equal(("RE-2026-0042", "creditorReference", 1.00m), (booked[0].GetProperty("invoice").GetString(), booked[0].GetProperty("rule").GetString(), booked[0].GetProperty("confidence").GetDecimal()));
        Assert.Equal(("RE-2026-0077", "invoiceNumber", 0.95m), (booked[1].GetProperty("invoice").GetString(), booked[1].GetProperty("rule").GetString(), booked[1].GetProperty("confidence").GetDecimal()));
    }

    [Fact]
    public async Task A_number_that_matches_only_with_O_read_as_0_waits_for_review_with_its_suggestion()
    {
        await SeedAsync();

        var (_, report) = await bank.ImportAsync(Camt053(new Camt("OCR-1", 480m, Unstructured("Hansa", "Rechnung RE-2O26-OO77"))));

        Assert.Empty(report.GetProperty("booked").EnumerateArray());
        var item = report.GetProperty("review")[0];
        Assert.Equal(["RE-2026-0077"], [.. item.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!)]);
        Assert.Equal(("invoiceNumberLookalike", 0.75m), (item.GetProperty("rule").GetString(), item.GetProperty("confidence").GetDecimal()));
        Assert.Contains("uncertain match", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IBAN_learned_from_a_match_by_number_finds_the_debtor_of_a_later_credit_without_one()
    {
        await SeedAsync();
        // The account holder's name is not the debtor's: without the learned IBAN nothing would match.
        var first = Camt053(new Camt("IB-1", 1190m, FromAccount("M. Mueller privat", PayerIban, "RE-2026-0042")));
        var later = Camt053(new Camt("IB-2", 300m, FromAccount("M. Mueller privat", PayerIban, "Danke")));

        await bank.ImportAsync(first);
        var (_, report) = await bank.ImportAsync(later);

        var booked = Assert.Single(report.GetProperty("booked").EnumerateArray());
        Assert.Equal(("RE-2026-0043", "amountFromKnownAccount"), (booked.GetProperty("invoice").GetString(), booked.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task A_credit_equal_to_the_next_instalment_is_booked_and_the_instalment_marked_paid()
    {
        await SeedAsync();
        var agreements = bank.Host.Services.GetRequiredService<IAgreementStore>();
        var plan = new PaymentAgreement
        {
            Id = "AG-1", DebtorId = "D-HL", Kind = AgreementKind.InstalmentPlan, InvoiceNumbers = ["RE-2026-0077"], Currency = "EUR",
            Schedule = [new Instalment(new DateOnly(2026, 3, 15), 160m), new Instalment(new DateOnly(2026, 4, 15), 160m), new Instalment(new DateOnly(2026, 5, 15), 160m)],
        };
        plan.Agree(new DateTimeOffset(2026, 3, 8, 9, 0, 0, TimeSpan.Zero), "bot");
        await agreements.SaveAsync(plan, CancellationToken.None);

        var (_, report) = await bank.ImportAsync(Camt053(new Camt("IN-1", 160m, Unstructured("Hansa Logistik KG", "Rate 1"))));

        var booked = Assert.Single(report.GetProperty("booked").EnumerateArray());
        Assert.Equal(("RE-2026-0077", "instalment"), (booked.GetProperty("invoice").GetString(), booked.GetProperty("rule").GetString()));
        var stored = (await agreements.FindAsync("AG-1", CancellationToken.None))!;
        Assert.Equal([new DateOnly(2026, 3, 9), null, null], stored.Schedule.Select(i => i.PaidOn));
    }

    public void Dispose() => bank.Dispose();
}
