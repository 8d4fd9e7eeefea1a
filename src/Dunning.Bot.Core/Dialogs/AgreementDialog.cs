using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// "What have I agreed?" (<see cref="Intent.AskAgreement"/>): the debtor's agreements in force — what was agreed, when,
/// for which invoice — with the next amount and date still to pay (the part of the next instalment the payments received
/// since do not cover), or that there is none. Reads only. Wording: <c>current_agreement</c>, <c>no_agreement</c> in
/// <c>dialogs/negotiation.*.yaml</c>.
/// </summary>
public sealed class AgreementDialog : CaseDialog
{
    private readonly AgreementDesk agreements;

    public AgreementDialog(CaseDialogServices services, AgreementDesk agreements)
        : base(nameof(AgreementDialog), AgreementWording.Dialog, services)
    {
        this.agreements = agreements;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [AnswerStepAsync]));
    }

    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.AskAgreement };

    private async Task<DialogTurnResult> AnswerStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context;
        var debtor = DebtorOf(turn);
        var active = await agreements.ActiveAsync(debtor.Id, cancellationToken);
        if (active.Count == 0)
        {
            await SayAsync(turn, "no_agreement", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var invoices = await Services.Invoices.ListByDebtorAsync(debtor.Id, cancellationToken);
        var today = Today(turn);
        var texts = active.Select(agreement =>
        {
            var next = AgreementFollowUp.NextPayment(agreement, invoices, today);
            return Services.Wording.Text(turn, WordingDialog, "current_agreement", new
            {
                kind = AgreementWording.KindOf(agreement.Kind),
                invoices = string.Join(", ", agreement.InvoiceNumbers),
                count = agreement.Schedule.Count,
                total = new Money(agreement.Amount, agreement.Currency),
                percent = agreement.DiscountPercent,
                last_due = agreement.Schedule[^1].DueDate,
                made_on = DateOnly.FromDateTime(Local(turn, agreement.CreatedAt)),
                next_amount = next is null ? (Money?)null : new Money(next.Amount, agreement.Currency),
                next_date = next?.DueDate,
                overdue = next is not null && next.DueDate < today,
                // A single payment still wholly open is already said by the terms themselves.
                next_is_all = agreement.Schedule.Count == 1 && next?.Amount == agreement.Amount,
            });
        });
        await turn.SendActivityAsync(Activity.CreateMessage(string.Join("\n\n", texts)), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
