using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Dialogs.Invoices;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>An invoice question reads the debtor's statement once per turn, and afresh in the turn of a button answer.</summary>
public sealed class Invoice_statements_are_read_once_per_turn
{
    [Fact]
    public async Task A_question_answered_in_one_turn_reads_the_invoices_once()
    {
        var harness = InvoiceScenarios.PartlyPaid("en");
        var store = new CountingInvoiceStore(harness.Invoices);
        var client = harness.Client(new InvoiceBalanceDialog(Statements(harness, store), new Wording(RepositoryFiles.Catalogue)), Intent.AskAmount);

        var replies = await client.SendActivityAsync("How much?", CancellationToken.None);

        Assert.Contains("RE-2026-0042", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Equal(1, store.Lists);
    }

    [Fact]
    public async Task A_button_answer_in_a_later_turn_sees_a_payment_made_in_between()
    {
        var harness = InvoiceScenarios.TwoOpen("en");
        var store = new CountingInvoiceStore(harness.Invoices);
        var client = harness.Client(new InvoiceDetailsDialog(Statements(harness, store), new Wording(RepositoryFiles.Catalogue)), Intent.AskInvoiceDetails);
        var question = await client.SendActivityAsync("What is on the invoice?", CancellationToken.None);
        Assert.Contains("€307.97 open", Assert.Single(question).Text, StringComparison.Ordinal);

        var invoice = (await harness.Invoices.FindAsync("RE-2026-0042", CancellationToken.None))!;
        // Paid on 10 Mar: interest 15 Feb–9 Mar 306.71 × 6.27 % × 23/365 = €1.21 first, €98.79 to the principal (€207.92),
        // then 10 Mar 207.92 × 6.27 % / 365 = €0.04: €207.96 open.
        invoice.Book(new Payment(new DateOnly(2026, 3, 10), 100m, "bank-1"));
        harness.Save(invoice);
        var answer = await client.SendActivityAsync("RE-2026-0042", CancellationToken.None);

        Assert.EndsWith("Total €505.75, of which €207.96 is still open.", Assert.Single(answer).Text, StringComparison.Ordinal);
        Assert.Equal(2, store.Lists);
    }

    private static InvoiceStatements Statements(InvoiceQuestionsHarness harness, IInvoiceStore store) =>
        Claims.Ledgers.Statements(store, harness.Cases, harness.Clock, harness.LadderOptions, harness.InterestOptions, harness.ClaimOptions);

    /// <summary>Counts the reads of a debtor's invoices.</summary>
    private sealed class CountingInvoiceStore(IInvoiceStore inner) : IInvoiceStore
    {
        public int Lists { get; private set; }

        public Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken) => inner.FindAsync(number, cancellationToken);

        public Task<IReadOnlyList<Invoice>> FindManyAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
            inner.FindManyAsync(numbers, cancellationToken);

        public Task<IReadOnlyList<Invoice>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken)
        {
            Lists++;
            return inner.ListByDebtorAsync(debtorId, cancellationToken);
        }

        public Task SaveAsync(Invoice invoice, CancellationToken cancellationToken) => inner.SaveAsync(invoice, cancellationToken);

        public Task SaveBatchAsync(IReadOnlyList<Debtor> debtors, IReadOnlyList<Invoice> invoices, IReadOnlyList<DunningCase> cases, CancellationToken cancellationToken) =>
            inner.SaveBatchAsync(debtors, invoices, cases, cancellationToken);
    }
}
