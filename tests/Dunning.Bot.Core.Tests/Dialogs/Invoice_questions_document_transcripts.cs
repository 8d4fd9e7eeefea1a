using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Dialogs.Invoices;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>Transcripts of ask_invoice_details and request_invoice_copy: choosing an invoice, and never another debtor's.</summary>
public sealed class Invoice_questions_document_transcripts
{
    public static TheoryData<string, Turn[]> ChooseByButton => new()
    {
        { "de", [
            new("Was steht auf der Rechnung?", Reply.Exactly("""
                Welche Rechnung meinen Sie?
                • RE-2026-0042 vom 17.01.2026, offen 307,97 €
                • RE-2026-0050 vom 06.03.2026, offen 120,00 €
                """, "RE-2026-0042", "RE-2026-0050")),
            new("RE-2026-0042", Reply.Exactly("""
                Rechnung RE-2026-0042 vom 17.01.2026, fällig am 31.01.2026:
                • Logo design: 1 × 400,00 € netto zzgl. 19 % USt. = 476,00 €
                • Business cards: 2,5 × 10,00 € netto zzgl. 19 % USt. = 29,75 €
                Gesamt 505,75 €, davon noch offen 307,97 €.
                """)),
        ] },
        { "en", [
            new("What is on the invoice?", Reply.Exactly("""
                Which invoice do you mean?
                • RE-2026-0042 of 17 January 2026, €307.97 open
                • RE-2026-0050 of 6 March 2026, €120.00 open
                """, "RE-2026-0042", "RE-2026-0050")),
            new("RE-2026-0042", Reply.Exactly("""
                Invoice RE-2026-0042 of 17 January 2026, due on 31 January 2026:
                • Logo design: 1 × €400.00 net plus 19% VAT = €476.00
                • Business cards: 2.5 × €10.00 net plus 19% VAT = €29.75
                Total €505.75, of which €307.97 is still open.
                """)),
        ] },
    };

    [Theory]
    [MemberData(nameof(ChooseByButton))]
    public async Task With_several_open_invoices_the_debtor_picks_one_by_button(string language, Turn[] turns)
    {
        var harness = InvoiceScenarios.TwoOpen(language);
        var client = harness.Client(harness.Dialog<InvoiceDetailsDialog>(), Intent.AskInvoiceDetails);

        await Transcript.PlayAsync(client, turns);

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Equal(["RE-2026-0042"], (string[])client.DialogTurnResult.Result!);
    }

    public static TheoryData<string, Turn[]> GivingUp => new()
    {
        { "de", [
            new("Rechnungsdetails", Reply.Exactly("Welche Rechnung meinen Sie?\n• RE-2026-0042 vom 17.01.2026, offen 307,97 €\n• RE-2026-0050 vom 06.03.2026, offen 120,00 €", "RE-2026-0042", "RE-2026-0050")),
            new("die blaue", Reply.Exactly("Bitte wählen Sie eine der Rechnungsnummern: RE-2026-0042, RE-2026-0050.", "RE-2026-0042", "RE-2026-0050")),
            new("RE-9000", Reply.Exactly("In Ordnung, dann lassen wir das für den Moment. Schreiben Sie mir einfach die Rechnungsnummer, wann immer Sie möchten.")),
        ] },
        { "en", [
            new("invoice details", Reply.Exactly("Which invoice do you mean?\n• RE-2026-0042 of 17 January 2026, €307.97 open\n• RE-2026-0050 of 6 March 2026, €120.00 open", "RE-2026-0042", "RE-2026-0050")),
            new("the blue one", Reply.Exactly("Please choose one of the invoice numbers: RE-2026-0042, RE-2026-0050.", "RE-2026-0042", "RE-2026-0050")),
            new("RE-9000", Reply.Exactly("All right, let's leave it for now. Just write the invoice number whenever you like.")),
        ] },
    };

    /// <summary>Typing another debtor's number at the prompt is just an unrecognised answer.</summary>
    [Theory]
    [MemberData(nameof(GivingUp))]
    public async Task Two_unclear_answers_end_the_question_without_guessing(string language, Turn[] turns)
    {
        var harness = InvoiceScenarios.TwoOpen(language);
        var client = harness.Client(harness.Dialog<InvoiceDetailsDialog>(), Intent.AskInvoiceDetails);

        await Transcript.PlayAsync(client, turns);

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Null(client.DialogTurnResult.Result);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Another_debtors_invoice_number_is_answered_exactly_like_one_that_does_not_exist(string language)
    {
        var foreign = InvoiceScenarios.TwoOpen(language);
        var missing = InvoiceScenarios.TwoOpen(language);

        var foreignReplies = await foreign.Client(foreign.Dialog<InvoiceDetailsDialog>(), Intent.AskInvoiceDetails, "RE-9000").SendActivityAsync("RE-9000", CancellationToken.None);
        var missingReplies = await missing.Client(missing.Dialog<InvoiceDetailsDialog>(), Intent.AskInvoiceDetails, "RE-0000").SendActivityAsync("RE-0000", CancellationToken.None);

        var foreignText = string.Join("\n", foreignReplies.Select(r => r.Text));
        Assert.Equal(string.Join("\n", missingReplies.Select(r => r.Text)).Replace("RE-0000", "RE-9000", StringComparison.Ordinal), foreignText);
        Assert.DoesNotContain("Secret", foreignText, StringComparison.Ordinal);
        Assert.DoesNotContain("999", foreignText, StringComparison.Ordinal);
        Assert.DoesNotContain("840", foreignText, StringComparison.Ordinal);
        Assert.DoesNotContain("owner.example", foreignText, StringComparison.Ordinal);
        Assert.All(foreignReplies, r => Assert.Null(r.Attachments));
    }

    public static TheoryData<string, Turn[]> ForeignThenOwn => new()
    {
        { "de", [
            new("Details zu RE-9000", Reply.Exactly("Ich konnte keine Rechnung RE-9000 unter Ihren Rechnungen finden. Bitte prüfen Sie die Nummer – hier ist, was ich für Sie habe."),
                Reply.Exactly("Welche Rechnung meinen Sie?\n• RE-2026-0042 vom 17.01.2026, offen 307,97 €\n• RE-2026-0050 vom 06.03.2026, offen 120,00 €", "RE-2026-0042", "RE-2026-0050")),
            new("RE-2026-0050", Reply.Exactly("Rechnung RE-2026-0050 vom 06.03.2026, fällig am 20.03.2026:\n(zu dieser Rechnung sind keine Einzelpositionen hinterlegt)\nGesamt 120,00 €, davon noch offen 120,00 €.")),
        ] },
        { "en", [
            new("details of RE-9000", Reply.Exactly("I couldn't find an invoice RE-9000 among your invoices. Please check the number – here is what I have for you."),
                Reply.Exactly("Which invoice do you mean?\n• RE-2026-0042 of 17 January 2026, €307.97 open\n• RE-2026-0050 of 6 March 2026, €120.00 open", "RE-2026-0042", "RE-2026-0050")),
            new("RE-2026-0050", Reply.Exactly("Invoice RE-2026-0050 of 6 March 2026, due on 20 March 2026:\n(no individual items are on file for this invoice)\nTotal €120.00, of which €120.00 is still open.")),
        ] },
    };

    [Theory]
    [MemberData(nameof(ForeignThenOwn))]
    public async Task A_foreign_number_is_unknown_and_the_debtor_is_offered_their_own_invoices(string language, Turn[] turns)
    {
        var harness = InvoiceScenarios.TwoOpen(language);

        await Transcript.PlayAsync(harness.Client(harness.Dialog<InvoiceDetailsDialog>(), Intent.AskInvoiceDetails, "RE-9000"), turns);
    }

    [Theory]
    [InlineData("de", "Hier ist eine Kopie der Rechnung RE-2026-0050: https://owner.example/docs/RE-2026-0050.pdf")]
    [InlineData("en", "Here is a copy of invoice RE-2026-0050: https://owner.example/docs/RE-2026-0050.pdf")]
    public async Task A_copy_with_a_web_link_is_sent_as_link_and_attachment(string language, string expected)
    {
        var harness = InvoiceScenarios.TwoOpen(language);

        var reply = Assert.Single(Assert.Single(await Transcript.PlayAsync(harness.Client(harness.Dialog<InvoiceCopyDialog>(), Intent.RequestInvoiceCopy, "re-2026-0050"), new Turn("copy of re-2026-0050 please", Reply.Exactly(expected)))));

        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal(("application/pdf", "https://owner.example/docs/RE-2026-0050.pdf", "RE-2026-0050.pdf"), (attachment.ContentType, attachment.ContentUrl, attachment.Name));
    }

    public static TheoryData<string, Turn> CopySummary => new()
    {
        { "de", new("Kopie von RE-2026-0042", Reply.Exactly("""
            Das Dokument der Rechnung RE-2026-0042 liegt mir hier nicht vor, deshalb eine Zusammenfassung:
            Ausgestellt am 17.01.2026, fällig am 31.01.2026
            • Logo design: 1 × 400,00 € netto zzgl. 19 % USt. = 476,00 €
            • Business cards: 2,5 × 10,00 € netto zzgl. 19 % USt. = 29,75 €
            Gesamt 505,75 €, bereits bezahlt 200,00 €, noch offen 307,97 €.
            Wenn Sie das Originaldokument brauchen, fragen Sie einfach nach einer Person – jemand aus unserem Team schickt es Ihnen.
            """)) },
        { "en", new("copy of RE-2026-0042", Reply.Exactly("""
            I don't have the document of invoice RE-2026-0042 here, so here is a summary instead:
            Issued on 17 January 2026, due on 31 January 2026
            • Logo design: 1 × €400.00 net plus 19% VAT = €476.00
            • Business cards: 2.5 × €10.00 net plus 19% VAT = €29.75
            Total €505.75, already paid €200.00, still open €307.97.
            If you need the original document, just ask for a person and a colleague will send it to you.
            """)) },
    };

    [Theory]
    [MemberData(nameof(CopySummary))]
    public async Task A_copy_without_a_document_or_with_a_file_path_becomes_a_clear_summary(string language, Turn turn)
    {
        var harness = InvoiceScenarios.TwoOpen(language);
        var withPath = InvoiceScenarios.TwoOpen(language);
        (await withPath.Invoices.FindAsync("RE-2026-0042", CancellationToken.None))!.DocumentLink = @"C:\invoices\RE-2026-0042.pdf";

        var replies = await Transcript.PlayAsync(harness.Client(harness.Dialog<InvoiceCopyDialog>(), Intent.RequestInvoiceCopy, "RE-2026-0042"), turn);
        await Transcript.PlayAsync(withPath.Client(withPath.Dialog<InvoiceCopyDialog>(), Intent.RequestInvoiceCopy, "RE-2026-0042"), turn);

        Assert.Null(Assert.Single(Assert.Single(replies)).Attachments);
    }
}
