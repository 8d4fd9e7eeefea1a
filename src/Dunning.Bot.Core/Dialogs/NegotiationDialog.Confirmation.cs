using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

public sealed partial class NegotiationDialog
{
    /// <summary>
    /// A new request with its details ("in 2 Raten", "bis 15.12.") while the confirmation is open replaces that question:
    /// the negotiation starts over with it, nothing recorded for the old terms. (Among counter-offers only a button, an
    /// offer's number, yes/no or "ask a colleague" answers: what a client sends back there is checked against the offers.)
    /// </summary>
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (innerDc.ActiveDialog?.Id == ConfirmPromptId
            && innerDc.Context.Activity.Type == Conversations.ActivityTypes.Message
            && Understand(innerDc.Context) is { } understood && Handles.Contains(understood.Intent)
            && (understood.Date is not null || understood.Instalments is not null || understood.Amount is not null))
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            return await innerDc.BeginDialogAsync(nameof(WaterfallDialog), understood, cancellationToken);
        }
        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    /// <summary>
    /// States the terms in full — the whole open claim they cover, whether interest keeps running, the agreement they
    /// replace — and asks "Shall I record it like that?" (Yes / No). Nothing is stored before the answer.
    /// </summary>
    private async Task<DialogTurnResult> AskConfirmationAsync(WaterfallStepContext step, NegotiationTerms terms, CancellationToken cancellationToken)
    {
        step.Values["terms"] = terms;
        var turn = step.Context;
        var debtor = DebtorOf(turn);
        var numbers = step.Values.GetValue<List<string>>("invoices") ?? [];
        var open = await NegotiableAsync(turn, numbers, cancellationToken);
        var interestNow = open.Any(i => i.InterestRatePercent is not null);
        var replaced = (await agreements.ActiveAsync(debtor.Id, cancellationToken))
            .FirstOrDefault(a => a.InvoiceNumbers.Intersect(numbers, StringComparer.Ordinal).Any());
        var model = AgreementWording.Terms(terms, numbers, Promised(step, terms));
        model["claim"] = new Money(step.Values.GetValue<decimal>("claim"), terms.Currency);
        model["interest"] = !interestNow ? "none" : agreements.InterestRuns ? "runs" : "stops";
        model["replaces"] = replaced is null ? null : DateOnly.FromDateTime(Local(turn, replaced.CreatedAt));
        var language = TurnSession.Of(turn).Language;
        List<Choice> choices =
        [
            new(Services.Wording.Catalogue.Button(MainMenu.Dialog, "confirm_yes", language)),
            new(Services.Wording.Catalogue.Button(MainMenu.Dialog, "confirm_no", language)),
        ];
        return await step.PromptAsync(ConfirmPromptId, Ask(turn, "confirm", "confirm_again", model, choices), cancellationToken);
    }

    /// <summary>Puts the confirmed terms in force (superseding the agreement they replace) and sends the written summary.</summary>
    private async Task<DialogTurnResult> AgreeAsync(WaterfallStepContext step, NegotiationTerms terms, CancellationToken cancellationToken)
    {
        var numbers = step.Values.GetValue<List<string>>("invoices") ?? [];
        var promise = Promised(step, terms);
        await agreements.AgreeAsync(DebtorOf(step.Context), terms, numbers, promise, cancellationToken);
        await SayAsync(step.Context, "agreed", AgreementWording.Terms(terms, numbers, promise), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static bool Promised(WaterfallStepContext step, NegotiationTerms terms) =>
        step.Values.GetValue<bool>("promise") && terms.Kind == AgreementKind.Deferral;
}
