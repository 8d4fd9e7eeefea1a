using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs.Invoices;

/// <summary>
/// ask_amount: the open balance with a breakdown per invoice (principal, payments, statutory interest and fees —
/// each only when there is one) and the totals per currency. A named invoice that is paid says so.
/// </summary>
public sealed class InvoiceBalanceDialog(InvoiceStatements statements, Wording wording)
    : InvoiceQuestionDialog(nameof(InvoiceBalanceDialog), statements, wording)
{
    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.AskAmount };

    protected override bool AboutOneInvoice => false;

    protected override Task AnswerAsync(ITurnContext turn, DebtorStatement statement, IReadOnlyList<InvoiceStatement> selected, CancellationToken cancellationToken)
    {
        var open = selected.Where(i => i.IsOpen).ToList();
        var model = new
        {
            invoices = InvoiceModel.For(selected),
            totals = DebtorStatement.TotalsByCurrency(open),
            open_count = open.Count,
            today = statement.Today,
        };
        return SayAsync(turn, "balance", model, cancellationToken, open.Count > 0 ? ["payment_details", "more_time"] : null);
    }
}
