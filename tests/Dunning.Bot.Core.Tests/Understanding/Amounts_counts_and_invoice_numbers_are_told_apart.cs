using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Understanding;

/// <summary>Amounts, instalment counts and invoice numbers, and that none is mistaken for another.</summary>
public sealed class Amounts_counts_and_invoice_numbers_are_told_apart
{
    [Theory]
    [InlineData("Ich zahle morgen 1.200 €", 1200, "EUR")]
    [InlineData("Ich habe 1.234,56 EUR überwiesen", 1234.56, "EUR")]
    [InlineData("I paid 1,234.56 euros yesterday", 1234.56, "EUR")]
    [InlineData("I'll transfer 250,50 € today", 250.5, "EUR")]
    [InlineData("I can do €150 a month", 150, "EUR")]
    [InlineData("Ich könnte monatlich 100 Euro zahlen", 100, "EUR")]
    [InlineData("Ich zahle fünfzig Euro im Monat", 50, "EUR")]
    [InlineData("ich kann zweihundertfünfzig euro überweisen", 250, "EUR")]
    [InlineData("I can pay fifty euros a month", 50, "EUR")]
    [InlineData("I'll pay two hundred and fifty dollars on Friday", 250, "USD")]
    [InlineData("ich zahle 80eur monatlich", 80, "EUR")]
    [InlineData("I will pay $99.90 tomorrow", 99.90, "USD")]
    public void Reads_amounts_in_both_number_formats_and_in_words(string text, double amount, string currency)
    {
        var result = TestData.Recognize(text);

        Assert.Equal((decimal)amount, result.Amount);
        Assert.Equal(currency, result.Currency);
    }

    [Theory]
    [InlineData("Ich zahle 300 am Freitag", 300)]
    [InlineData("I already paid 450", 450)]
    public void A_bare_number_counts_as_amount_in_payment_talk(string text, double amount)
    {
        var result = TestData.Recognize(text);

        Assert.Equal((decimal)amount, result.Amount);
        Assert.Null(result.Currency);
    }

    [Theory]
    [InlineData("Ich überweise den Betrag bis zum 5.12.")]
    [InlineData("Überweisung ist raus, Referenz RE-2026-0042")]
    [InlineData("Ich habe Rechnung 4711 am 20.11. bezahlt")]
    [InlineData("Kann ich in 3 Raten zahlen?")]
    [InlineData("I need 10 more days please")]
    [InlineData("Ich habe 2 Kinder und bin arbeitslos")]
    [InlineData("Sind das 5 % Zinsen?")]
    [InlineData("I paid in 2025")]
    public void Dates_counts_and_invoice_numbers_are_not_amounts(string text) =>
        Assert.Null(TestData.Recognize(text).Amount);

    [Theory]
    [InlineData("Kann ich in 3 Raten zahlen?", 3)]
    [InlineData("Sind zwei Teilzahlungen möglich?", 2)]
    [InlineData("would four instalments be ok", 4)]
    [InlineData("can I pay in 6 monthly installments", 6)]
    [InlineData("three payments of 100 euros?", 3)]
    [InlineData("kann ich die hälfte jetzt und den rest im januar zahlen", 2)]
    [InlineData("half now and half next month?", 2)]
    [InlineData("Ich würde gern über 10 Monate abzahlen", 10)]
    public void Reads_instalment_counts(string text, int count) =>
        Assert.Equal(count, TestData.Recognize(text).Instalments);

    [Theory]
    [InlineData("Ich zahle in 3 Tagen")]
    [InlineData("Ich habe 1 Rate bezahlt")]
    [InlineData("Ist eine Ratenzahlung möglich?")]
    public void Other_numbers_are_not_instalment_counts(string text) =>
        Assert.Null(TestData.Recognize(text).Instalments);

    [Theory]
    [InlineData("Überweisung ist raus, Referenz RE-2026-0042", "RE-2026-0042")]
    [InlineData("Ich habe Rechnung 4711 bezahlt", "4711")]
    [InlineData("What is invoice #10023 for?", "10023")]
    [InlineData("inv-778 is wrong", "INV-778")]
    public void Reads_invoice_numbers(string text, string number) =>
        Assert.Contains(number, TestData.Recognize(text).InvoiceNumbers);

    [Theory]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1,234.56", 1234.56)]
    [InlineData("1.200", 1200)]
    [InlineData("1,200", 1200)]
    [InlineData("250,50", 250.5)]
    [InlineData("99.9", 99.9)]
    [InlineData("1.000.000", 1000000)]
    [InlineData("300.", 300)]
    public void Parses_german_and_english_number_formats(string raw, double expected) =>
        Assert.Equal((decimal)expected, NumberExtractor.ParseDecimal(raw));
}
