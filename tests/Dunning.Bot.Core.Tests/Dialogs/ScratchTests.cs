using Dunning.Bot.Core.Dialogs.Invoices;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;
using Xunit.Abstractions;

namespace Dunning.Bot.Core.Tests.Dialogs;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Print(string lang)
    {
        var h = new InvoiceQuestionsHarness(lang);
        var a = h.Invoice("RE-2026-0042", 0, new(2026, 1, 31), lines: [new InvoiceLine("Logo design", 1, 400m, 19m), new InvoiceLine("Business cards", 2.5m, 10m, 19m)]);
        a.RecordPayment(new Payment(new(2026, 2, 15), 200m, "x"));
        h.Invoice("RE-2026-0050", 120m, new(2026, 3, 20));
        h.Invoice("CH-7", 99.9m, new(2026, 2, 1), "CHF");
        h.ReminderSent("RE-2026-0042", 1, new(2026, 2, 3, 9, 0, 0, TimeSpan.Zero));
        async Task Run<T>(Intent intent, params string[] says) where T : InvoiceQuestionDialog
        {
            var c = h.Client(h.Dialog<T>(), intent);
            foreach (var s in says)
            {
                foreach (var r in await c.SendActivityAsync(s, default))
                    output.WriteLine($"[{typeof(T).Name}] {r.Text}\n  buttons: {string.Join(" | ", r.SuggestedActions?.Actions.Select(x => x.Title) ?? [])} att: {string.Join(",", r.Attachments?.Select(x => x.Name + " " + x.ContentUrl?[..30]) ?? [])}\n");
            }
        }
        await Run<InvoiceBalanceDialog>(Intent.AskAmount, "x");
        await Run<InvoiceDueDateDialog>(Intent.AskDueDate, "x");
        await Run<InvoiceDetailsDialog>(Intent.AskInvoiceDetails, "x", "RE-2026-0042");
        await Run<InvoiceCopyDialog>(Intent.RequestInvoiceCopy, "x", "nope", "CH-7");
        await Run<PaymentDetailsDialog>(Intent.AskPaymentDetails, "x");
        await Run<ConsequencesDialog>(Intent.AskConsequences, "x");
    }
}
