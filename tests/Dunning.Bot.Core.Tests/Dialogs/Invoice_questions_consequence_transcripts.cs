using Dunning.Bot.Core.Dialogs.Invoices;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>Transcripts of ask_consequences: the next ladder step, its date and fee, interest — only what is configured.</summary>
public sealed class Invoice_questions_consequence_transcripts
{
    private const string ClosingDe = "Am einfachsten ist es, den offenen Betrag zu zahlen. Wenn das gerade schwierig ist, sagen Sie es mir – dann schauen wir gemeinsam nach mehr Zeit oder Ratenzahlung.";
    private const string ClosingEn = "The easiest way is to pay the open amount. If that is difficult right now, tell me – we can look at more time or instalments together.";
    private static readonly string[] ButtonsDe = ["Wie bezahlen?", "Ich brauche mehr Zeit", "Mit einem Menschen sprechen"];
    private static readonly string[] ButtonsEn = ["How to pay", "I need more time", "Talk to a person"];

    /// <summary>
    /// A business debtor on the default ladder: after the friendly reminder (stage 1) the 1st payment request adds the
    /// €40 lump sum; after stage 2 nothing more is charged; stage 3 leads to the final notice; stage 4 to the owner.
    /// </summary>
    public static TheoryData<string, int, string> Business => new()
    {
        { "de", 1, "• Rechnung RE-2026-0100: Bleibt sie offen, erhalten Sie frühestens am 10.03.2026 eine weitere Zahlungserinnerung. Dabei fällt eine Gebühr von 40,00 € an. Auf den offenen Betrag laufen gesetzliche Verzugszinsen von 10,27 % im Jahr (bisher 15,76 €)." },
        { "en", 1, "• Invoice RE-2026-0100: if it stays unpaid, you will get a further payment reminder, on 10 March 2026 at the earliest. That step adds a fee of €40.00. Statutory default interest of 10.27% a year runs on the open amount (€15.76 so far)." },
        { "de", 2, "• Rechnung RE-2026-0100: Bleibt sie offen, erhalten Sie frühestens am 10.03.2026 eine weitere Zahlungserinnerung. Auf den offenen Betrag laufen gesetzliche Verzugszinsen von 10,27 % im Jahr (bisher 15,76 €). Bisherige Gebühren: 40,00 €." },
        { "en", 2, "• Invoice RE-2026-0100: if it stays unpaid, you will get a further payment reminder, on 10 March 2026 at the earliest. Statutory default interest of 10.27% a year runs on the open amount (€15.76 so far). Fees so far: €40.00." },
        { "de", 3, "• Rechnung RE-2026-0100: Bleibt sie offen, erhalten Sie frühestens am 10.03.2026 eine letzte Mahnung. Auf den offenen Betrag laufen gesetzliche Verzugszinsen von 10,27 % im Jahr (bisher 15,76 €). Bisherige Gebühren: 40,00 €." },
        { "en", 3, "• Invoice RE-2026-0100: if it stays unpaid, you will get a final reminder, on 10 March 2026 at the earliest. Statutory default interest of 10.27% a year runs on the open amount (€15.76 so far). Fees so far: €40.00." },
        { "de", 4, "• Rechnung RE-2026-0100: Bleibt sie offen, prüft unser Team ab dem 10.03.2026 den Fall und entscheidet über die weiteren Schritte. Auf den offenen Betrag laufen gesetzliche Verzugszinsen von 10,27 % im Jahr (bisher 15,76 €). Bisherige Gebühren: 40,00 €." },
        { "en", 4, "• Invoice RE-2026-0100: if it stays unpaid, from 10 March 2026 our team will review the case and decide on the further steps. Statutory default interest of 10.27% a year runs on the open amount (€15.76 so far). Fees so far: €40.00." },
        { "de", 5, "• Rechnung RE-2026-0100: Weitere Erinnerungen sind nicht vorgesehen; unser Team entscheidet über das weitere Vorgehen. Auf den offenen Betrag laufen gesetzliche Verzugszinsen von 10,27 % im Jahr (bisher 15,76 €). Bisherige Gebühren: 40,00 €." },
        { "en", 5, "• Invoice RE-2026-0100: no further reminders are planned; our team decides how to proceed. Statutory default interest of 10.27% a year runs on the open amount (€15.76 so far). Fees so far: €40.00." },
    };

    [Theory]
    [MemberData(nameof(Business))]
    public async Task The_next_ladder_step_its_fee_and_the_interest_are_stated_calmly(string language, int stage, string line)
    {
        var harness = InvoiceScenarios.Business(language, stage);

        await Transcript.PlayAsync(harness.Client(harness.Dialog<ConsequencesDialog>(), Intent.AskConsequences), Expected(language, "Was passiert, wenn ich nicht zahle?", line));
    }

    public static TheoryData<string, string> ConsumerWithoutInterest => new()
    {
        { "de", "• Rechnung RE-2026-0042: Bleibt sie offen, erhalten Sie frühestens am 10.03.2026 eine weitere Zahlungserinnerung." },
        { "en", "• Invoice RE-2026-0042: if it stays unpaid, you will get a further payment reminder, on 10 March 2026 at the earliest." },
    };

    /// <summary>Consumers owe no dunning fees on the default ladder; with interest switched off nothing else is mentioned.</summary>
    [Theory]
    [MemberData(nameof(ConsumerWithoutInterest))]
    public async Task Only_what_the_owner_configured_is_mentioned(string language, string line)
    {
        var harness = InvoiceScenarios.PartlyPaid(language);
        harness.InterestOptions.Enabled = false;

        await Transcript.PlayAsync(harness.Client(harness.Dialog<ConsequencesDialog>(), Intent.AskConsequences), Expected(language, "and then?", line));
    }

    public static TheoryData<string, string> Disputed => new()
    {
        { "de", "• Rechnung RE-2026-0042: Sie haben Einwände erhoben; bis sie geprüft sind, ruhen die Mahnungen.\n• Rechnung RE-2026-0050: Bleibt sie offen, erhalten Sie frühestens am 23.03.2026 eine Zahlungserinnerung." },
        { "en", "• Invoice RE-2026-0042: you have raised an objection, so reminders are on hold until it has been reviewed.\n• Invoice RE-2026-0050: if it stays unpaid, you will get a payment reminder, on 23 March 2026 at the earliest." },
    };

    /// <summary>RE-2026-0050 is due 20 March; the friendly reminder may come 3 days later.</summary>
    [Theory]
    [MemberData(nameof(Disputed))]
    public async Task A_disputed_invoice_is_on_hold_and_a_new_one_gets_its_first_reminder(string language, string lines)
    {
        var harness = InvoiceScenarios.TwoOpen(language);
        await harness.Invoices.UpdateAsync("RE-2026-0042", i => i.MarkDisputed("Business cards were never delivered"), CancellationToken.None);

        await Transcript.PlayAsync(harness.Client(harness.Dialog<ConsequencesDialog>(), Intent.AskConsequences), Expected(language, "consequences?", lines));
    }

    private static Turn Expected(string language, string says, string lines) => language == "de"
        ? new Turn(says, Reply.Exactly($"Ganz offen, so geht es weiter:\n{lines}\n{ClosingDe}", ButtonsDe))
        : new Turn(says, Reply.Exactly($"Here is honestly what happens next:\n{lines}\n{ClosingEn}", ButtonsEn));
}
