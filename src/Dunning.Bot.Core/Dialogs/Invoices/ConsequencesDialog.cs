using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs.Invoices;

/// <summary>
/// ask_consequences: stated honestly and calmly, per open invoice — the next step of the owner's ladder and the
/// earliest day for it, the fee it adds and the statutory interest running, each only when configured; reminders on
/// hold for disputed or paused invoices. Never more than the ladder will do; ends with the ways to settle.
/// </summary>
public sealed class ConsequencesDialog(InvoiceStatements statements, Wording wording)
    : InvoiceQuestionDialog(nameof(ConsequencesDialog), statements, wording)
{
    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.AskConsequences };

    protected override bool AboutOneInvoice => false;

    protected override Task AnswerAsync(ITurnContext turn, DebtorStatement statement, IReadOnlyList<InvoiceStatement> selected, CancellationToken cancellationToken)
    {
        var open = selected.Where(i => i.IsOpen).ToList();
        if (open.Count == 0)
            return SayAsync(turn, "nothing_to_pay", new { invoices = InvoiceModel.For(selected) }, cancellationToken);
        var invoices = open.Select(InvoiceModel.Outlook).ToList();
        return SayAsync(turn, "consequences", new { invoices }, cancellationToken, ["payment_details", "more_time", "talk_to_person"]);
    }

}
