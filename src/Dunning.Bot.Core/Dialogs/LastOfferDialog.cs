using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// A "yes" ("Ja, das nehme ich") to the last offer a reminder made (<see cref="StandingOffer"/>): up to its valid-until
/// date the offered terms — exactly as stated — are recorded through the agreement path (<see cref="AgreementDesk"/>) and
/// confirmed in writing; after it the debtor hears that the offer lapsed, with the main options. Invoices paid or disputed
/// since are not agreed on. A "yes" with no offer standing gets MainDialog's usual "what else?".
/// Wording: <c>dialogs/last_offer.*.yaml</c>.
/// </summary>
public sealed class LastOfferDialog : CaseDialog
{
    private readonly AgreementDesk agreements;

    public LastOfferDialog(CaseDialogServices services, AgreementDesk agreements)
        : base(nameof(LastOfferDialog), "last_offer", services)
    {
        this.agreements = agreements;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [AnswerOfferStepAsync]));
    }

    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.Affirm };

    private async Task<DialogTurnResult> AnswerOfferStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var debtor = DebtorOf(step.Context);
        if (StandingOffer.Latest(await Services.Cases.FindAsync(debtor.Id, cancellationToken)) is not { } offer)
        {
            await Services.Wording.SayWithMenuAsync(step.Context, "main", "what_else", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var terms = offer.Terms;
        var model = new
        {
            kind = terms.Kind == AgreementKind.Discount ? "discount" : "deferral",
            amount = terms.Amount,
            pay_by = terms.LastDueDate,
            valid_until = offer.ValidUntil,
            percent = terms.DiscountPercent,
            invoices = ClaimPaidDialog.Numbers(offer.InvoiceNumbers),
        };
        if (!offer.IsValidOn(Today(step.Context)))
        {
            await Services.Wording.SayWithMenuAsync(step.Context, WordingDialog, "lapsed", model, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var open = (await OpenInvoicesAsync(step.Context, offer.InvoiceNumbers, cancellationToken)).Where(i => !i.IsDisputed).Select(i => i.Number);
        if (!offer.InvoiceNumbers.All(open.Contains))
        {
            await SayAsync(step.Context, "not_open", model, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        await agreements.AgreeAsync(debtor, terms, offer.InvoiceNumbers, promise: false, cancellationToken);
        await SayAsync(step.Context, "accepted", model, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
