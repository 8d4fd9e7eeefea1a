using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>The debtor situations the invoice-question transcripts run on (clock: 10 March 2026).</summary>
internal static class InvoiceScenarios
{
    /// <summary>
    /// RE-2026-0042: €505.75 (two lines), due 31 Jan 2026, €200 paid on 15 Feb, friendly reminder sent 3 Feb: the
    /// consumer is in default from 4 Feb (§286(1) BGB). Interest 1.27 + 5 = 6.27 %: 4–14 Feb 505.75 × 6.27 % × 11/365 =
    /// 0.9557 → €0.96; the payment goes to that interest first (§367), €199.04 to the principal, leaving €306.71;
    /// 15 Feb–10 Mar 306.71 × 6.27 % × 24/365 = 1.2645 → €1.26. Interest €2.22 in all, so €505.75 − €200 + €2.22 =
    /// €307.97 is open.
    /// </summary>
    public static InvoiceQuestionsHarness PartlyPaid(string language)
    {
        var harness = new InvoiceQuestionsHarness(language);
        var invoice = harness.Invoice("RE-2026-0042", 0, new(2026, 1, 31),
            lines: [new InvoiceLine("Logo design", 1, 400m, 19m), new InvoiceLine("Business cards", 2.5m, 10m, 19m)]);
        invoice.Book(new Payment(new(2026, 2, 15), 200m, "bank-1"));
        harness.Save(invoice);
        harness.ReminderSent("RE-2026-0042", 1, new(2026, 2, 3, 9, 0, 0, TimeSpan.Zero));
        return harness;
    }

    /// <summary>PartlyPaid plus RE-2026-0050 (€120, due 20 Mar 2026, not yet due).</summary>
    public static InvoiceQuestionsHarness TwoOpen(string language)
    {
        var harness = PartlyPaid(language);
        harness.Invoice("RE-2026-0050", 120m, new(2026, 3, 20), link: "https://owner.example/docs/RE-2026-0050.pdf");
        return harness;
    }

    /// <summary>TwoOpen plus CH-7 (CHF 99.90, due 1 Feb 2026, never reminded: a consumer is not in default, so no interest).</summary>
    public static InvoiceQuestionsHarness WithFrancs(string language)
    {
        var harness = TwoOpen(language);
        harness.Invoice("CH-7", 99.9m, new(2026, 2, 1), "CHF");
        return harness;
    }

    /// <summary>Only CH-7, in francs.</summary>
    public static InvoiceQuestionsHarness OnlyFrancs(string language)
    {
        var harness = new InvoiceQuestionsHarness(language);
        harness.Invoice("CH-7", 99.9m, new(2026, 2, 1), "CHF");
        return harness;
    }

    /// <summary>
    /// A business debtor: RE-2026-0100, €1,000 due 10 Jan 2026; the friendly reminder (stage 1) sent 13 Jan puts it in
    /// default from 14 Jan, the 1st payment request (stage 2) sent 24 Jan, after default, carries the €40 lump sum.
    /// Interest 1.27 + 9 = 10.27 % on €1,000 from 14 Jan to 10 Mar (56 days): 1000 × 10.27 % × 56/365 = 15.7567 → €15.76;
    /// open €1,055.76. With <paramref name="stage"/> 1 only the friendly reminder was sent.
    /// </summary>
    public static InvoiceQuestionsHarness Business(string language, int stage = 2)
    {
        var harness = new InvoiceQuestionsHarness(language, DebtorKind.Business);
        harness.Invoice("RE-2026-0100", 1000m, new(2026, 1, 10));
        harness.ReminderSent("RE-2026-0100", 1, new(2026, 1, 13, 9, 0, 0, TimeSpan.Zero));
        if (stage > 1)
            harness.ReminderSent("RE-2026-0100", stage, new(2026, 1, 24, 9, 0, 0, TimeSpan.Zero));
        return harness;
    }
}
