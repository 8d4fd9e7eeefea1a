using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Dialogs;

public sealed partial class MainDialog
{
    /// <summary>Not understood: ask to rephrase, then offer the main options as buttons, then offer a person.</summary>
    private async Task<DialogTurnResult> NotUnderstoodAsync(DialogContext innerDc, ConversationMemory remembered, CancellationToken cancellationToken)
    {
        var turn = innerDc.Context;
        remembered.NotUnderstood++;
        if (remembered.NotUnderstood >= options.OfferPersonAfterNotUnderstood)
        {
            remembered.NotUnderstood = 0;
            return await innerDc.BeginDialogAsync(OfferPersonId, null, cancellationToken);
        }
        if (remembered.NotUnderstood >= options.OfferOptionsAfterNotUnderstood)
            await wording.SayWithMenuAsync(turn, MainMenu.Dialog, "not_understood_again", null, cancellationToken);
        else
            await wording.SayAsync(turn, MainMenu.Dialog, "not_understood", null, cancellationToken);
        return EndOfTurn;
    }

    private async Task<DialogTurnResult> AskForPersonStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context;
        var language = TurnSession.Of(turn).Language;
        var question = wording.Message(turn, MainMenu.Dialog, "offer_person");
        return await step.PromptAsync(ConfirmId, new PromptOptions
        {
            Prompt = question,
            RetryPrompt = wording.Message(turn, MainMenu.Dialog, "offer_person"),
            Choices =
            [
                new Choice(wording.Catalogue.Button(MainMenu.Dialog, "confirm_yes", language)),
                new Choice(wording.Catalogue.Button(MainMenu.Dialog, "confirm_no", language)),
            ],
            MaxAttempts = 2,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ActOnPersonAnswerStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context;
        if (step.Result is true)
            await interruptions.RequestHumanAsync(turn, EscalationReason.NotUnderstood, "Did not understand the debtor three times; they asked for a person.", cancellationToken);
        else
            await wording.SayWithMenuAsync(turn, "main", "person_declined", null, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
