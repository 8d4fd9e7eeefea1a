using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs.Invoices;

/// <summary>
/// ask_due_date: each invoice's due date and its current deadline — the deadline stated in the last reminder the
/// debtor was sent, or the due date when none was sent.
/// </summary>
public sealed class InvoiceDueDateDialog(InvoiceStatements statements, Wording wording)
    : InvoiceQuestionDialog(nameof(InvoiceDueDateDialog), statements, wording)
{
    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.AskDueDate };

    protected override bool AboutOneInvoice => false;

    protected override Task AnswerAsync(ITurnContext turn, DebtorStatement statement, IReadOnlyList<InvoiceStatement> selected, CancellationToken cancellationToken) =>
        SayAsync(turn, "due_dates", new { invoices = InvoiceModel.For(selected), today = statement.Today }, cancellationToken);
}
