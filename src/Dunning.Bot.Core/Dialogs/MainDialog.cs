using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// The root of every linked conversation. Each message is recognized (in the debtor's time zone and language),
/// may switch the conversation's language, passes the <see cref="Interruptions"/> layer first, then goes to the running
/// dialog or is routed by intent to the registered <see cref="IntentDialog"/> that handles it. Greeting, thanks,
/// yes/no out of context and messages not understood are answered here. MainDialog never ends: when a routed
/// dialog completes, the next message is routed afresh.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    public const string DialogId = "main";

    private const string Main = "main";
    private const string OfferPersonId = "main.offer_person";
    private const string ConfirmId = "main.confirm";

    private readonly Dictionary<Intent, string> routes = [];
    private readonly IAsyncMessageRecognizer recognizer;
    private readonly Wording wording;
    private readonly Interruptions interruptions;
    private readonly EscalationDesk desk;
    private readonly TimeProvider clock;
    private readonly ConversationOptions options;
    private readonly IStatePropertyAccessor<ConversationMemory> memory;

    public MainDialog(IEnumerable<IntentDialog> intentDialogs, IAsyncMessageRecognizer recognizer, Wording wording, Interruptions interruptions,
        EscalationDesk desk, ConversationState conversationState, TimeProvider clock, IOptions<ConversationOptions> options)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(intentDialogs);
        ArgumentNullException.ThrowIfNull(options);
        this.recognizer = recognizer;
        this.wording = wording;
        this.interruptions = interruptions;
        this.desk = desk;
        this.clock = clock;
        this.options = options.Value;
        memory = ConversationMemory.Accessor(conversationState);

        foreach (var dialog in intentDialogs)
            Register(dialog);
        AddDialog(new WaterfallDialog(OfferPersonId, [AskForPersonStepAsync, ActOnPersonAnswerStepAsync]));
        AddDialog(BotAdapterSetup.UseCatalogueLabels(new ConfirmPrompt(ConfirmId), wording.Catalogue));
        InitialDialogId = OfferPersonId;
    }

    /// <summary>Which dialog handles which intent (for diagnostics and tests).</summary>
    public IReadOnlyDictionary<Intent, string> Routes => routes;

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken) =>
        OnMessageAsync(innerDc, cancellationToken);

    protected override Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        OnMessageAsync(innerDc, cancellationToken);

    /// <summary>A routed dialog finished: MainDialog stays and waits for the next message.</summary>
    protected override Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken) =>
        Task.FromResult(EndOfTurn);

    private async Task<DialogTurnResult> OnMessageAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var turn = innerDc.Context;
        var session = TurnSession.Of(turn);
        if (turn.Activity.Type != ActivityTypes.Message || session.Debtor is null)
            return innerDc.ActiveDialog is null ? EndOfTurn : await innerDc.ContinueDialogAsync(cancellationToken);

        await UnderstandAsync(turn, session, cancellationToken);
        var running = innerDc.ActiveDialog is { } active ? FindDialog(active.Id) as IntentDialog : null;
        var result = await interruptions.TryHandleAsync(innerDc, running, cancellationToken)
            ?? (innerDc.ActiveDialog is not null
                ? await ContinueOrRerouteAsync(innerDc, cancellationToken)
                : await RouteAsync(innerDc, session.Understanding!.Intent, session.Understanding, cancellationToken));
        await RemindOfPendingAnswerAsync(turn, session, cancellationToken);
        return result;
    }

    /// <summary>
    /// Continues the running dialog; when it ended with an <see cref="Interruption"/> (the debtor changed the subject),
    /// the same message is routed by its intent, as if no dialog had run.
    /// </summary>
    private async Task<DialogTurnResult> ContinueOrRerouteAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var result = await innerDc.ContinueDialogAsync(cancellationToken);
        if (result is not { Status: DialogTurnStatus.Complete, Result: Interruption interruption } || innerDc.ActiveDialog is not null)
            return result;
        var understood = interruption.Understanding;
        TurnSession.Of(innerDc.Context).Understanding = understood;
        return await interruptions.TryHandleAsync(innerDc, null, cancellationToken)
            ?? await RouteAsync(innerDc, understood.Intent, understood, cancellationToken);
    }

    /// <summary>
    /// Recognizes the message into <see cref="TurnSession.Understanding"/> and switches the conversation's language when
    /// the debtor clearly writes in the other one. A file with no words (a screenshot of the transfer) is read as
    /// "I have paid, here is the proof".
    /// </summary>
    private async Task UnderstandAsync(ITurnContext turn, TurnSession session, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text;
        var context = RecognitionContext.At(clock, session.Debtor!.TimeZoneInfo, session.Language);
        var understanding = await recognizer.RecognizeAsync(text, context, cancellationToken);
        LanguageSwitch.Apply(session.Link, understanding, text, options);
        if (understanding.Intent == Intent.Unknown && string.IsNullOrWhiteSpace(text) && turn.Activity.Attachments is { Count: > 0 })
            understanding = understanding with { Intent = Intent.ClaimPaid, Confidence = 1 };
        session.Understanding = understanding;
    }

    private async Task<DialogTurnResult> RouteAsync(DialogContext innerDc, Intent intent, MessageUnderstanding understanding, CancellationToken cancellationToken)
    {
        var turn = innerDc.Context;
        var remembered = await memory.GetAsync(turn, () => new ConversationMemory(), cancellationToken);
        if (intent == Intent.Unknown)
            return await NotUnderstoodAsync(innerDc, remembered, cancellationToken);

        remembered.NotUnderstood = 0;
        switch (intent)
        {
            case Intent.Greeting:
                var debtor = TurnSession.Of(turn).Debtor!;
                await wording.SayWithMenuAsync(turn, Main, "greeting", new { name = debtor.Name, address = wording.Address(turn, debtor) }, cancellationToken);
                return EndOfTurn;
            case Intent.Thanks:
                await wording.SayAsync(turn, Main, "thanks", null, cancellationToken);
                return EndOfTurn;
            // A registered dialog for "yes" (the reminder's last offer) answers it; otherwise yes/no out of context.
            case Intent.Affirm or Intent.Deny when !routes.ContainsKey(intent):
                await wording.SayWithMenuAsync(turn, Main, "what_else", null, cancellationToken);
                return EndOfTurn;
        }
        if (routes.TryGetValue(intent, out var dialogId))
            return await innerDc.BeginDialogAsync(dialogId, understanding, cancellationToken);
        return await NoDialogAsync(turn, intent, cancellationToken);
    }

    /// <summary>No dialog handles the intent (yet): say honestly that a person looks at it, and make that true.</summary>
    private async Task<DialogTurnResult> NoDialogAsync(ITurnContext turn, Intent intent, CancellationToken cancellationToken)
    {
        var session = TurnSession.Of(turn);
        await desk.RaiseAsync(session.Debtor!.Id, EscalationReason.NotUnderstood,
            $"No dialog for '{intent.ToWireName()}': {Shorten(turn.Activity.Text)}", null, session.Link.Key, cancellationToken);
        await wording.SayAsync(turn, Main, "no_dialog", null, cancellationToken);
        return EndOfTurn;
    }

    private async Task RemindOfPendingAnswerAsync(ITurnContext turn, TurnSession session, CancellationToken cancellationToken)
    {
        var remembered = await memory.GetAsync(turn, () => new ConversationMemory(), cancellationToken);
        if (session.Link.Handoff != HandoffState.Pending)
        {
            remembered.PendingNoted = false;
            return;
        }
        if (remembered.PendingNoted || !turn.Responded)
            return;
        await wording.SayAsync(turn, Main, "pending_note", null, cancellationToken);
        remembered.PendingNoted = true;
    }

    private void Register(IntentDialog dialog)
    {
        foreach (var intent in dialog.Handles)
        {
            if (intent is Intent.RequestHuman or Intent.StopContact)
                throw new InvalidOperationException($"{dialog.Id} claims '{intent}', which the interruption layer handles.");
            if (!routes.TryAdd(intent, dialog.Id))
                throw new InvalidOperationException($"Both {routes[intent]} and {dialog.Id} claim the intent '{intent}'.");
        }
        AddDialog(dialog);
    }

    private static string? Shorten(string? text) => text is { Length: > 300 } ? text[..300] + "…" : text;

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
