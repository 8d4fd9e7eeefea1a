using Dunning.Bot.Core.Dialogs.Invoices;
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
        async Task Run<T>(string title, InvoiceQuestionsHarness h, Intent intent, string[] numbers, params string[] says) where T : InvoiceQuestionDialog
        {
            var c = h.Client(h.Dialog<T>(), intent, numbers);
            output.WriteLine("=== " + title);
            foreach (var s in says)
                foreach (var r in await c.SendActivityAsync(s, default))
                    output.WriteLine($"{r.Text?.Replace("\n", "\\n")}\n  buttons: {string.Join(" | ", r.SuggestedActions?.Actions.Select(x => x.Title) ?? [])} att: {string.Join(",", r.Attachments?.Select(x => x.Name + " " + x.ContentUrl?[..Math.Min(40, x.ContentUrl.Length)]) ?? [])}");
        }
        await Run<ConsequencesDialog>("business2", InvoiceScenarios.Business(lang), Intent.AskConsequences, [], "x");
        await Run<InvoiceBalanceDialog>("business2", InvoiceScenarios.Business(lang), Intent.AskAmount, [], "x");
        await Run<ConsequencesDialog>("business1", InvoiceScenarios.Business(lang, 1), Intent.AskConsequences, [], "x");
        await Run<ConsequencesDialog>("business3", InvoiceScenarios.Business(lang, 3), Intent.AskConsequences, [], "x");
        await Run<ConsequencesDialog>("business4", InvoiceScenarios.Business(lang, 4), Intent.AskConsequences, [], "x");
        await Run<ConsequencesDialog>("business5", InvoiceScenarios.Business(lang, 5), Intent.AskConsequences, [], "x");
        var h = InvoiceScenarios.PartlyPaid(lang); h.InterestOptions.Enabled = false;
        await Run<ConsequencesDialog>("noInterest", h, Intent.AskConsequences, [], "x");
        await Run<InvoiceCopyDialog>("copy0050", InvoiceScenarios.TwoOpen(lang), Intent.RequestInvoiceCopy, ["RE-2026-0050"], "x");
        await Run<InvoiceCopyDialog>("copy0042", InvoiceScenarios.TwoOpen(lang), Intent.RequestInvoiceCopy, ["RE-2026-0042"], "x");
        await Run<InvoiceDetailsDialog>("foreign", InvoiceScenarios.TwoOpen(lang), Intent.AskInvoiceDetails, ["RE-9000"], "x", "RE-2026-0050");
        await Run<InvoiceBalanceDialog>("foreign2", InvoiceScenarios.TwoOpen(lang), Intent.AskAmount, ["RE-9000", "RE-0001"], "x");
        await Run<PaymentDetailsDialog>("chf", InvoiceScenarios.OnlyFrancs(lang), Intent.AskPaymentDetails, [], "x");
        var np = InvoiceScenarios.TwoOpen(lang); np.Payee = new();
        await Run<PaymentDetailsDialog>("nopayee", np, Intent.AskPaymentDetails, [], "x");
        await Run<InvoiceDueDateDialog>("due", InvoiceScenarios.Business(lang), Intent.AskDueDate, [], "x");
        await Run<InvoiceDetailsDialog>("giveup", InvoiceScenarios.TwoOpen(lang), Intent.AskInvoiceDetails, [], "x", "the blue one", "no idea");
    }
}
