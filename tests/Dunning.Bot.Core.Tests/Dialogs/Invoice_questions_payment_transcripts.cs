using Dunning.Bot.Core.Tests.Fakes;
using System.Text;
using Dunning.Bot.Core.Dialogs.Invoices;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>Transcripts of ask_payment_details: bank details, the exact reference, the GiroCode for euro only.</summary>
public sealed class Invoice_questions_payment_transcripts
{
    public static TheoryData<string, Turn> EuroAndFrancs => new()
    {
        { "de", new("Wie kann ich bezahlen?", Reply.Exactly("""
            Bitte überweisen Sie an:
            Kontoinhaber: Demo Studio GmbH
            IBAN: DE89 3704 0044 0532 0130 00
            BIC: COBADEFFXXX
            Bank: Commerzbank

            Betrag: 427,97 €
            Verwendungszweck: RE-2026-0042, RE-2026-0050

            Betrag: 99,90 CHF
            Verwendungszweck: CH-7
            Strukturierte Referenz (RF): RF55 CH7
            (Für eine Zahlung in CHF kann ich keinen QR-Code erstellen – bitte geben Sie die Daten von Hand ein.)

            Bitte übernehmen Sie den Verwendungszweck genau so, damit wir Ihre Zahlung zuordnen können. Sie können auch den GiroCode unten mit Ihrer Banking-App scannen.
            """)) },
        { "en", new("How do I pay?", Reply.Exactly("""
            Please transfer to:
            Account holder: Demo Studio GmbH
            IBAN: DE89 3704 0044 0532 0130 00
            BIC: COBADEFFXXX
            Bank: Commerzbank

            Amount: €427.97
            Reference: RE-2026-0042, RE-2026-0050

            Amount: CHF 99.90
            Reference: CH-7
            Structured reference (RF): RF55 CH7
            (I can't make a QR code for a payment in CHF – please enter these details by hand.)

            Please use the reference exactly as shown, so we can match your payment. You can also scan the GiroCode below with your banking app.
            """)) },
    };

    [Theory]
    [MemberData(nameof(EuroAndFrancs))]
    public async Task Euro_invoices_get_one_GiroCode_and_francs_get_details_without_QR(string language, Turn turn)
    {
        var harness = InvoiceScenarios.WithFrancs(language);

        var reply = Assert.Single(Assert.Single(await Transcript.PlayAsync(harness.Client(harness.Dialog<PaymentDetailsDialog>(), Intent.AskPaymentDetails), turn)));

        var attachment = Assert.Single(reply.Attachments!);
        var expected = GiroCode.Create("Demo Studio GmbH", "DE89370400440532013000", "COBADEFFXXX", 427.97m, "EUR", "RE-2026-0042, RE-2026-0050");
        Assert.Equal("BCD\n002\n1\nSCT\nCOBADEFFXXX\nDemo Studio GmbH\nDE89370400440532013000\nEUR427.97\n\n\nRE-2026-0042, RE-2026-0050", expected.Payload);
        Assert.Equal(expected.ToAttachment().ContentUrl, attachment.ContentUrl);
        Assert.Equal(("image/png", "girocode.png"), (attachment.ContentType, attachment.Name));
    }

    [Theory]
    [InlineData("de", "Betrag: 99,90 CHF")]
    [InlineData("en", "Amount: CHF 99.90")]
    public async Task A_francs_invoice_alone_gets_no_GiroCode(string language, string amountLine)
    {
        var harness = InvoiceScenarios.OnlyFrancs(language);

        var reply = Assert.Single(await harness.Client(harness.Dialog<PaymentDetailsDialog>(), Intent.AskPaymentDetails).SendActivityAsync("?", CancellationToken.None));

        Assert.Null(reply.Attachments);
        Assert.Contains(amountLine, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("GiroCode", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "Entschuldigung, die Bankverbindung ist hier noch nicht hinterlegt. Jemand aus unserem Team kann sie Ihnen nennen – soll sich jemand bei Ihnen melden?", "Mit einem Menschen sprechen")]
    [InlineData("en", "I'm sorry, the bank details are not set up here yet. A colleague can give them to you – would you like me to ask someone?", "Talk to a person")]
    public async Task Without_configured_bank_details_the_bot_says_so_and_offers_a_person(string language, string text, string button)
    {
        var harness = InvoiceScenarios.TwoOpen(language);
        harness.Payee = new PayeeOptions();

        var reply = Assert.Single(Assert.Single(await Transcript.PlayAsync(harness.Client(harness.Dialog<PaymentDetailsDialog>(), Intent.AskPaymentDetails), new Turn("IBAN?", Reply.Exactly(text, button)))));

        Assert.Null(reply.Attachments);
    }

    [Fact]
    public async Task A_named_invoice_is_paid_alone_with_the_owners_prefix_in_the_reference_and_its_RF_reference()
    {
        var harness = InvoiceScenarios.TwoOpen("en");
        harness.Payee.RemittancePrefix = "Cust. 4711";
        harness.Payee.Bic = "";

        var reply = Assert.Single(await harness.Client(harness.Dialog<PaymentDetailsDialog>(), Intent.AskPaymentDetails, "RE-2026-0050").SendActivityAsync("pay RE-2026-0050", CancellationToken.None));

        Assert.Equal("Please transfer to:\nAccount holder: Demo Studio GmbH\nIBAN: DE89 3704 0044 0532 0130 00\nBank: Commerzbank\n\nAmount: €120.00\nReference: Cust. 4711 RE-2026-0050\nStructured reference (RF): RF75 RE20 2600 50\n\n"
            + "Please use the reference exactly as shown, so we can match your payment. You can also scan the GiroCode below with your banking app.", reply.Text);
        // One invoice: the GiroCode carries the RF reference in its structured field (EPC069-12 allows it or the text, not both).
        Assert.Equal(GiroCode.Create("Demo Studio GmbH", "DE89370400440532013000", null, 120m, "EUR", "", "RF75RE20260050").ToAttachment().ContentUrl, Assert.Single(reply.Attachments!).ContentUrl);
    }

    [Fact]
    public async Task Many_invoices_keep_whole_numbers_in_a_reference_of_at_most_140_characters()
    {
        var harness = new InvoiceQuestionsHarness("en");
        for (var i = 1; i <= 12; i++)
            harness.Invoice($"RE-2026-{i:0000}", 10m, new(2026, 3, 20));

        var reply = Assert.Single(await harness.Client(harness.Dialog<PaymentDetailsDialog>(), Intent.AskPaymentDetails).SendActivityAsync("?", CancellationToken.None));

        // Ten numbers of 12 characters and nine ", " separators make 138; an eleventh would pass 140.
        var reference = string.Join(", ", Enumerable.Range(1, 10).Select(i => $"RE-2026-{i:0000}"));
        Assert.Contains("Amount: €120.00\nReference: " + reference + "\n", reply.Text, StringComparison.Ordinal);
        Assert.Equal(GiroCode.Create("Demo Studio GmbH", "DE89370400440532013000", "COBADEFFXXX", 120m, "EUR", reference).ToAttachment().ContentUrl, Assert.Single(reply.Attachments!).ContentUrl);
        Assert.True(Encoding.UTF8.GetByteCount(reference) <= GiroCode.MaxReferenceLength);
    }

    [Theory]
    [InlineData("de", "Auf die Rechnung RE-2026-0042 ist nichts mehr zu zahlen. Vielen Dank!")]
    [InlineData("en", "There is nothing left to pay on invoice RE-2026-0042. Thank you!")]
    public async Task A_paid_invoice_needs_no_payment_details(string language, string expected)
    {
        var harness = InvoiceScenarios.TwoOpen(language);
        await harness.Invoices.UpdateAsync("RE-2026-0042", i => i.Book(new(new(2026, 3, 9), 307.87m, "bank-2")), CancellationToken.None);

        await Transcript.PlayAsync(harness.Client(harness.Dialog<PaymentDetailsDialog>(), Intent.AskPaymentDetails, "RE-2026-0042"), new Turn("IBAN for RE-2026-0042?", Reply.Exactly(expected)));
    }
}
