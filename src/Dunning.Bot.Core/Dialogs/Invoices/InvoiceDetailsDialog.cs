using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs.Invoices;

/// <summary>ask_invoice_details: the lines of one invoice (the debtor picks one when several are open and none is named).</summary>
public sealed class InvoiceDetailsDialog(InvoiceStatements statements, Wording wording)
    : InvoiceQuestionDialog(nameof(InvoiceDetailsDialog), statements, wording)
{
    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.AskInvoiceDetails };

    protected override bool AboutOneInvoice => true;

    protected override Task AnswerAsync(ITurnContext turn, DebtorStatement statement, IReadOnlyList<InvoiceStatement> selected, CancellationToken cancellationToken) =>
        SayAsync(turn, "details", new { invoice = InvoiceModel.For(selected[0]) }, cancellationToken);
}
