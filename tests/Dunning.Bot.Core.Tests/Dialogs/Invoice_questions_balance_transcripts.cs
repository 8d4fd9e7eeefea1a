using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Dialogs.Invoices;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>Transcripts of ask_amount and ask_due_date: the breakdown, totals per currency, and the current deadline.</summary>
public sealed class Invoice_questions_balance_transcripts
{
    public static TheoryData<string, Turn> PartlyPaid => new()
    {
        { "de", new("Wie viel muss ich noch zahlen?", Reply.Exactly("""
            Rechnung RE-2026-0042 (fällig am 31.01.2026):
            • Rechnungsbetrag 505,75 €
            • bereits bezahlt −200,00 €
            • gesetzliche Verzugszinsen bis heute 2,22 €
            = noch offen 307,97 €
            """, "Wie bezahlen?", "Ich brauche mehr Zeit")) },
        { "en", new("How much do I still owe?", Reply.Exactly("""
            Invoice RE-2026-0042 (due 31 January 2026):
            • invoice amount €505.75
            • already paid −€200.00
            • statutory default interest up to today €2.22
            = still open €307.97
            """, "How to pay", "I need more time")) },
    };

    [Theory]
    [MemberData(nameof(PartlyPaid))]
    public async Task A_partly_paid_invoice_is_broken_down_to_the_cent_with_interest(string language, Turn turn)
    {
        var harness = InvoiceScenarios.PartlyPaid(language);
        var client = harness.Client(harness.Dialog<InvoiceBalanceDialog>(), Intent.AskAmount);

        await Transcript.PlayAsync(client, turn);

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Equal(["RE-2026-0042"], (string[])client.DialogTurnResult.Result!);
    }

    public static TheoryData<string, Turn> SeveralCurrencies => new()
    {
        { "de", new("Offener Betrag", Reply.Exactly("""
            Rechnung RE-2026-0042 (fällig am 31.01.2026):
            • Rechnungsbetrag 505,75 €
            • bereits bezahlt −200,00 €
            • gesetzliche Verzugszinsen bis heute 2,22 €
            = noch offen 307,97 €

            Rechnung CH-7 (fällig am 01.02.2026):
            • Rechnungsbetrag 99,90 CHF
            = noch offen 99,90 CHF

            Rechnung RE-2026-0050 (fällig am 20.03.2026):
            • Rechnungsbetrag 120,00 €
            = noch offen 120,00 €

            Insgesamt noch offen: 427,97 € und 99,90 CHF (Stand 10.03.2026).
            """, "Wie bezahlen?", "Ich brauche mehr Zeit")) },
        { "en", new("Open balance", Reply.Exactly("""
            Invoice RE-2026-0042 (due 31 January 2026):
            • invoice amount €505.75
            • already paid −€200.00
            • statutory default interest up to today €2.22
            = still open €307.97

            Invoice CH-7 (due 1 February 2026):
            • invoice amount CHF 99.90
            = still open CHF 99.90

            Invoice RE-2026-0050 (due 20 March 2026):
            • invoice amount €120.00
            = still open €120.00

            In total still open: €427.97 and CHF 99.90 (as of 10 March 2026).
            """, "How to pay", "I need more time")) },
    };

    [Theory]
    [MemberData(nameof(SeveralCurrencies))]
    public async Task Several_invoices_are_totalled_per_currency(string language, Turn turn)
    {
        var harness = InvoiceScenarios.WithFrancs(language);

        await Transcript.PlayAsync(harness.Client(harness.Dialog<InvoiceBalanceDialog>(), Intent.AskAmount), turn);
    }

    public static TheoryData<string, Turn> BusinessWithFees => new()
    {
        { "de", new("Was ist offen?", Reply.Exactly("""
            Rechnung RE-2026-0100 (fällig am 10.01.2026):
            • Rechnungsbetrag 1.000,00 €
            • gesetzliche Verzugszinsen bis heute 15,76 €
            • Mahngebühren 40,00 €
            = noch offen 1.055,76 €
            """, "Wie bezahlen?", "Ich brauche mehr Zeit")) },
        { "en", new("What is open?", Reply.Exactly("""
            Invoice RE-2026-0100 (due 10 January 2026):
            • invoice amount €1,000.00
            • statutory default interest up to today €15.76
            • dunning fees €40.00
            = still open €1,055.76
            """, "How to pay", "I need more time")) },
    };

    [Theory]
    [MemberData(nameof(BusinessWithFees))]
    public async Task A_business_sees_the_configured_lump_sum_and_the_business_interest_rate(string language, Turn turn)
    {
        var harness = InvoiceScenarios.Business(language);

        await Transcript.PlayAsync(harness.Client(harness.Dialog<InvoiceBalanceDialog>(), Intent.AskAmount), turn);
    }

    [Theory]
    [InlineData("de", "Rechnung RE-2026-0042 (fällig am 31.01.2026):\n• Rechnungsbetrag 505,75 €\n• bereits bezahlt −200,00 €\n= noch offen 305,75 €")]
    [InlineData("en", "Invoice RE-2026-0042 (due 31 January 2026):\n• invoice amount €505.75\n• already paid −€200.00\n= still open €305.75")]
    public async Task Without_interest_configured_no_interest_is_shown_or_added(string language, string expected)
    {
        var harness = InvoiceScenarios.PartlyPaid(language);
        harness.InterestOptions.Enabled = false;

        var replies = await harness.Client(harness.Dialog<InvoiceBalanceDialog>(), Intent.AskAmount).SendActivityAsync("?", CancellationToken.None);

        Assert.Equal(expected, Assert.Single(replies).Text);
    }

    public static TheoryData<string, Turn> DueDates => new()
    {
        { "de", new("Bis wann muss ich zahlen?", Reply.Exactly("""
            Die Rechnung RE-2026-0042 war am 31.01.2026 fällig. Unsere letzte Erinnerung hat eine neue Frist gesetzt: 13.02.2026. Auch diese Frist ist verstrichen; bitte zahlen Sie so bald wie möglich.
            Die Rechnung RE-2026-0050 ist am 20.03.2026 fällig.
            """)) },
        { "en", new("When is it due?", Reply.Exactly("""
            Invoice RE-2026-0042 was due on 31 January 2026. Our last reminder set a new deadline: 13 February 2026. That date has passed too, so please pay as soon as you can.
            Invoice RE-2026-0050 is due on 20 March 2026.
            """)) },
    };

    /// <summary>The friendly reminder went out on 3 Feb with the default 10-day deadline: 13 Feb.</summary>
    [Theory]
    [MemberData(nameof(DueDates))]
    public async Task The_due_date_and_the_deadline_of_the_last_reminder_sent_are_stated(string language, Turn turn)
    {
        var harness = InvoiceScenarios.TwoOpen(language);

        await Transcript.PlayAsync(harness.Client(harness.Dialog<InvoiceDueDateDialog>(), Intent.AskDueDate), turn);
    }

    [Theory]
    [InlineData("de", "Die Rechnung RE-2026-0042 war am 31.01.2026 fällig. Unsere letzte Erinnerung hat eine neue Frist gesetzt: 13.03.2026. Bitte zahlen Sie bis dahin.")]
    [InlineData("en", "Invoice RE-2026-0042 was due on 31 January 2026. Our last reminder set a new deadline: 13 March 2026. Please pay by then.")]
    public async Task A_deadline_still_ahead_is_given_as_the_date_to_pay_by(string language, string expected)
    {
        var harness = InvoiceScenarios.PartlyPaid(language);
        harness.ReminderSent("RE-2026-0042", 2, new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));

        var replies = await harness.Client(harness.Dialog<InvoiceDueDateDialog>(), Intent.AskDueDate).SendActivityAsync("?", CancellationToken.None);

        Assert.Equal(expected, Assert.Single(replies).Text);
    }
}
