using System.Collections.Frozen;
using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// The one interruption layer (as Bot Framework's CancelAndHelpDialog): everything that may cut into whatever dialog
/// is running lives here, and every turn passes it before any dialog sees the message.
/// <list type="number">
/// <item>Takeover: while a person owns the conversation the bot stays silent (<see cref="HoldWhileTakenOverAsync"/>,
/// asked by <see cref="DunningBot"/> first on every turn); after the hand-back the stale question is dropped
/// (<see cref="ResumeAfterHandBackAsync"/>).</item>
/// <item>Commands: button labels and slash commands (<c>/help</c>, <c>/cancel</c>, <c>/stop</c>, <c>/human</c>,
/// <c>/invoice</c>) are read before the recognizer's intent (<see cref="Read"/>).</item>
/// <item>Help, cancel, "a person, please" and opt-out work at any point of a linked conversation (<see cref="TryHandleAsync"/>,
/// MainDialog's first call on every message). Help re-asks the running dialog's question afterwards; the others end it.</item>
/// <item>A change of subject ends a case dialog waiting for an answer (<see cref="ChangesSubject"/>): MainDialog then
/// routes the same message afresh.</item>
/// </list>
/// </summary>
public sealed class Interruptions(
    EscalationDesk desk,
    IDebtorStore debtors,
    ICaseStore cases,
    Wording wording,
    ConversationState conversationState,
    TimeProvider clock)
{
    private const string Main = "main";

    private static readonly FrozenSet<Intent> SubjectChanges =
        new[] { Intent.Dispute, Intent.Hardship, Intent.ClaimPaid, Intent.RequestHuman, Intent.StopContact }.ToFrozenSet();

    private static readonly Dictionary<string, Intent> ButtonIntents = new(StringComparer.Ordinal)
    {
        ["balance"] = Intent.AskAmount,
        ["payment_details"] = Intent.AskPaymentDetails,
        ["already_paid"] = Intent.ClaimPaid,
        ["more_time"] = Intent.RequestDeferral,
        ["talk_to_person"] = Intent.RequestHuman,
    };

    private static readonly Dictionary<string, GlobalCommand> ButtonCommands = new(StringComparer.Ordinal)
    {
        ["help"] = GlobalCommand.Help,
        ["cancel"] = GlobalCommand.Cancel,
    };

    private static readonly Dictionary<string, (Intent? Intent, GlobalCommand Command)> SlashCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/help"] = (null, GlobalCommand.Help),
        ["/cancel"] = (null, GlobalCommand.Cancel),
        ["/stop"] = (Intent.StopContact, GlobalCommand.None),
        ["/human"] = (Intent.RequestHuman, GlobalCommand.None),
        ["/invoice"] = (Intent.AskInvoiceDetails, GlobalCommand.None),
    };

    private readonly IStatePropertyAccessor<ConversationMemory> memory = ConversationMemory.Accessor(conversationState);

    /// <summary>
    /// True while a person owns the conversation (handoff <see cref="HandoffState.Human"/>): the bot says nothing and
    /// runs no dialog this turn, and remembers it so the next turn after the hand-back starts fresh.
    /// </summary>
    public async Task<bool> HoldWhileTakenOverAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (TurnSession.Of(turn).Link.Handoff != HandoffState.Human)
            return false;
        (await memory.GetAsync(turn, () => new ConversationMemory(), cancellationToken)).HandedToHuman = true;
        return true;
    }

    /// <summary>
    /// A person owned the chat and handed it back: the question the bot asked before is stale, so the dialog stack
    /// (<paramref name="dialogState"/>) starts fresh instead of repeating it.
    /// </summary>
    public async Task ResumeAfterHandBackAsync(ITurnContext turn, IStatePropertyAccessor<DialogState> dialogState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialogState);
        var remembered = await memory.GetAsync(turn, () => new ConversationMemory(), cancellationToken);
        if (!remembered.HandedToHuman)
            return;
        remembered.HandedToHuman = false;
        remembered.NotUnderstood = 0;
        await dialogState.DeleteAsync(turn, cancellationToken);
    }

    /// <summary>What <paramref name="text"/> selects when it is a button label (any language) or a slash command; (null, None) otherwise.</summary>
    public static (Intent? Intent, GlobalCommand Command) Read(string? text, MessageCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var typed = text?.Trim();
        if (string.IsNullOrEmpty(typed) || typed.Length > 64)
            return (null, GlobalCommand.None);
        // "/help@DunningBot" in a Telegram group: the command is what stands before the '@' (no array per message).
        if (SlashCommands.TryGetValue(typed.IndexOf('@') is var at and >= 0 ? typed[..at] : typed, out var slash))
            return slash;
        foreach (var language in catalogue.Languages)
        {
            foreach (var (key, intent) in ButtonIntents)
            {
                if (IsLabel(catalogue, key, language, typed))
                    return (intent, GlobalCommand.None);
            }
            foreach (var (key, command) in ButtonCommands)
            {
                if (IsLabel(catalogue, key, language, typed))
                    return (null, command);
            }
        }
        return (null, GlobalCommand.None);
    }

    /// <summary>
    /// Handles the message of this turn (as recognized in <see cref="TurnSession.Understanding"/>) when it is a global
    /// command or intent and returns the turn's result (the caller returns it as is); null when the message is for the
    /// running dialog or for routing. A pressed button counts as its intent from here on. <paramref name="running"/>
    /// may answer an intent itself that would otherwise interrupt it ("ask a colleague" among its offers).
    /// </summary>
    public async Task<DialogTurnResult?> TryHandleAsync(DialogContext innerDc, IntentDialog? running, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var turn = innerDc.Context;
        var session = TurnSession.Of(turn);
        var understanding = session.Understanding ?? throw new InvalidOperationException("The message is recognized before the interruption layer reads it.");
        var (pressed, command) = Read(turn.Activity.Text, wording.Catalogue);
        if (pressed is { } intent)
            session.Understanding = understanding = understanding with { Intent = intent, Confidence = 1 };
        var answeredByDialog = running is not null && innerDc.ActiveDialog is { } active && running.AnswersItself(active, understanding.Intent);
        return await HandleAsync(innerDc, command, answeredByDialog ? Intent.Unknown : understanding.Intent, cancellationToken);
    }

    /// <summary>
    /// True when <paramref name="intent"/> ends <paramref name="waiting"/>, a case dialog waiting for an answer: a dispute,
    /// hardship, "already paid", a request for a person or an opt-out it does not handle itself. One word in reply to a
    /// question ("gestern", "vielleicht", "maybe") answers it, however the statistical model reads it alone; stop and
    /// "a person, please" are heard even as one word.
    /// </summary>
    public static bool ChangesSubject(IntentDialog waiting, bool answersItself, Intent intent, string? text)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        return SubjectChanges.Contains(intent) && !waiting.Handles.Contains(intent) && !answersItself && !IsBareAnswer(text, intent);
    }

    private async Task<DialogTurnResult?> HandleAsync(DialogContext innerDc, GlobalCommand command, Intent intent, CancellationToken cancellationToken)
    {
        var turn = innerDc.Context;
        switch (command)
        {
            case GlobalCommand.Help:
                if (innerDc.ActiveDialog is null)
                {
                    await wording.SayWithMenuAsync(turn, MainMenu.Dialog, "help", null, cancellationToken);
                    return Dialog.EndOfTurn;
                }
                await wording.SayAsync(turn, MainMenu.Dialog, "help", null, cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return Dialog.EndOfTurn;
            case GlobalCommand.Cancel:
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                await wording.SayWithMenuAsync(turn, Main, "cancelled", null, cancellationToken);
                return Dialog.EndOfTurn;
        }
        switch (intent)
        {
            case Intent.RequestHuman:
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                await RequestHumanAsync(turn, EscalationReason.RequestHuman, turn.Activity.Text, cancellationToken);
                return Dialog.EndOfTurn;
            case Intent.StopContact:
                await innerDc.CancelAllDialogsAsync(cancellationToken);
                await OptOutAsync(turn, cancellationToken);
                return Dialog.EndOfTurn;
            default:
                return null;
        }
    }

    /// <summary>
    /// Raises (or finds the open) escalation, sets the handoff to Pending unless a person already owns the chat, and
    /// tells the debtor honestly by when a person answers, in their time zone.
    /// </summary>
    public async Task RequestHumanAsync(ITurnContext turn, EscalationReason reason, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var session = TurnSession.Of(turn);
        var debtor = session.Debtor ?? throw new InvalidOperationException("A person can only be asked for in a linked conversation.");
        var escalation = await desk.RaiseAsync(debtor.Id, reason, Shorten(detail), null, session.Link.Key, cancellationToken);
        if (session.Link.Handoff == HandoffState.Bot)
            session.Link.Handoff = HandoffState.Pending;
        var now = clock.GetUtcNow();
        await wording.SayAsync(turn, Main, "human_requested",
            new { respond_when = wording.AnswerTime(turn, escalation.RespondBy ?? now, now, debtor.TimeZoneInfo) }, cancellationToken);
        (await memory.GetAsync(turn, () => new ConversationMemory(), cancellationToken)).PendingNoted = true;
    }

    /// <summary>
    /// Stops proactive messages on this channel (the debtor can still write in), records it in the case and tells the
    /// owner. Saying it twice changes nothing further.
    /// </summary>
    public async Task OptOutAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var session = TurnSession.Of(turn);
        var debtor = session.Debtor ?? throw new InvalidOperationException("Opting out needs a linked conversation.");
        var channel = session.Link.Channel;
        if (debtor.Contact(channel)?.OptedOutAt is not null)
        {
            await wording.SayAsync(turn, Main, "already_opted_out", null, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var address = ChannelAddress.Of(turn.Activity);
        var updated = await debtors.UpdateAsync(debtor.Id, d =>
        {
            var contact = d.Contact(channel) ?? (ChannelKind.IsKnown(channel) ? d.Reach(channel, address) : null);
            if (contact is not null)
                contact.OptedOutAt ??= now;
        }, cancellationToken);
        session.Debtor = updated ?? debtor;
        await cases.UpdateAsync(debtor.Id, c => c.Record(new CaseAction(now, CaseActionKinds.OptOut,
            $"Opted out of proactive messages on {channel}.", Channel: channel, Actor: "debtor")), cancellationToken);
        await desk.RaiseAsync(debtor.Id, EscalationReason.OptOut, $"Opted out on {channel}.", null, session.Link.Key, cancellationToken);
        await wording.SayAsync(turn, Main, "opted_out", null, cancellationToken);
    }

    private static string? Shorten(string? text) => text is { Length: > 500 } ? text[..500] + "…" : text;

    private static bool IsBareAnswer(string? text, Intent intent) =>
        intent is not (Intent.StopContact or Intent.RequestHuman)
        && text is not null && text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is { Length: <= 1 };

    private static bool IsLabel(MessageCatalogue catalogue, string key, string language, string typed) =>
        string.Equals(catalogue.Button(MainMenu.Dialog, key, language), typed, StringComparison.OrdinalIgnoreCase);
}
