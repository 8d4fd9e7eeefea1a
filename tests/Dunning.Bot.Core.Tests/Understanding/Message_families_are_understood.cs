using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Understanding;

/// <summary>
/// The families of messages issue 16 found misunderstood, in both languages, with sentences of our own (none from an
/// evaluation batch or the training data): each family must be understood however it is phrased.
/// </summary>
public sealed class Message_families_are_understood
{
    [Theory]
    [InlineData("Hab das Geld vorgestern rübergeschickt", "de")]
    [InlineData("Die 180 Euro sind letzten Freitag von meinem Konto abgegangen", "de")]
    [InlineData("Ich habe die Rechnung schon letzte Woche überwiesen", "de")]
    [InlineData("sent the money over earlier this week", "en")]
    [InlineData("I transferred the 95 dollars on Monday, check your account", "en")]
    [InlineData("the payment left our bank the day before yesterday", "en")]
    public void Payments_reported_in_the_past_are_claims_of_payment(string text, string language) =>
        Expect(text, Intent.ClaimPaid, language);

    [Theory]
    [InlineData("Kann ich das innerhalb von 14 Tagen begleichen statt sofort?", "de")]
    [InlineData("Wäre es ok, wenn ich erst am 12.1. zahle?", "de")]
    [InlineData("Could I settle it on 1/15 instead?", "en")]
    [InlineData("is it possible to pay within 20 days rather than right away?", "en")]
    public void Asking_for_a_later_date_is_a_deferral(string text, string language) =>
        Expect(text, Intent.RequestDeferral, language);

    [Theory]
    [InlineData("Ich würde die Hälfte jetzt zahlen und den Rest im Januar", "de")]
    [InlineData("Geht 100 € sofort und der Rest nach dem nächsten Gehalt?", "de")]
    [InlineData("can I do some now and the remainder after payday?", "en")]
    [InlineData("I could split it: 150 now, the balance next month", "en")]
    public void Part_now_and_the_rest_later_asks_for_instalments(string text, string language) =>
        Expect(text, Intent.RequestInstalments, language);

    [Theory]
    [InlineData("Die Handwerker sind nie fertig geworden, dafür zahle ich nichts", "de")]
    [InlineData("Das Paket kam zerdrückt an, der Inhalt ist hin", "de")]
    [InlineData("Ich halte die Zahlung zurück, bis der Mangel an der Heizung behoben ist", "de")]
    [InlineData("Diese Rechnung sagt mir gar nichts, wir haben nie mit Ihnen gearbeitet", "de")]
    [InlineData("the work was never finished, so no payment from me", "en")]
    [InlineData("the chair arrived with a broken leg", "en")]
    [InlineData("we are holding the payment until the leak is repaired", "en")]
    public void Contesting_the_claim_without_the_word_wrong_is_a_dispute(string text, string language) =>
        Expect(text, Intent.Dispute, language);

    [Theory]
    [InlineData("Ich liege seit zwei Wochen im Krankenhaus", "de")]
    [InlineData("Meine Mutter ist gestorben, ich kann mich gerade um nichts kümmern", "de")]
    [InlineData("Wir sind in Kurzarbeit und das Geld reicht hinten und vorne nicht", "de")]
    [InlineData("I was in hospital for most of the month and had no income", "en")]
    [InlineData("my dad passed away and things are very hard right now", "en")]
    public void Circumstances_that_prevent_paying_are_hardship(string text, string language) =>
        Expect(text, Intent.Hardship, language);

    [Theory]
    [InlineData("Ich finde die Rechnung nirgends mehr, können Sie die nochmal mailen?", "de")]
    [InlineData("Die Mail mit der Rechnung habe ich versehentlich gelöscht", "de")]
    [InlineData("could you send me the PDF again?", "en")]
    [InlineData("the invoice never reached us, please resend", "en")]
    public void Asking_for_the_document_indirectly_is_a_copy_request(string text, string language) =>
        Expect(text, Intent.RequestInvoiceCopy, language);

    [Theory]
    [InlineData("Was kommt auf mich zu, wenn ich zwei Wochen zu spät zahle?", "de", Intent.AskConsequences)]
    [InlineData("what happens if I pay a bit late?", "en", Intent.AskConsequences)]
    [InlineData("Wie viel war das nochmal?", "de", Intent.AskAmount)]
    [InlineData("what was the amount again?", "en", Intent.AskAmount)]
    public void Questions_about_late_payment_and_the_amount_again(string text, string language, Intent intent) =>
        Expect(text, intent, language);

    [Theory]
    [InlineData("Hallo zusammen, könnten Sie mir die Rechnung noch einmal als PDF schicken? Mit freundlichen Grüßen, K. Wagner", "de", Intent.RequestInvoiceCopy)]
    [InlineData("Guten Morgen, die Zahlung ist für den Zahlungslauf am Dienstag freigegeben. Viele Grüße aus der Buchhaltung", "de", Intent.PromiseToPay)]
    [InlineData("Hi team, could you tell me the IBAN for the transfer? Kind regards, Tom", "en", Intent.AskPaymentDetails)]
    [InlineData("Hello, the invoice is approved and will be included in our next payment run. Best regards, Accounts Payable", "en", Intent.PromiseToPay)]
    public void E_mail_replies_are_read_for_their_request_not_their_greeting(string text, string language, Intent intent) =>
        Expect(text, intent, language);

    private static void Expect(string text, Intent intent, string language)
    {
        var result = TestData.Recognize(text, language == "de" ? "en" : "de");

        Assert.Equal(intent.ToWireName(), result.Intent.ToWireName());
        Assert.Equal(language, result.Language);
    }
}
