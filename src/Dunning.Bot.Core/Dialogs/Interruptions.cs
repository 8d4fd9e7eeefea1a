using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// The one interruption layer (as Bot Framework's CancelAndHelpDialog): <c>request_human</c>, <c>stop_contact</c>,
/// help and cancel work at any point of a linked conversation, whatever dialog is running. MainDialog asks it first
/// on every message. Help re-asks the running dialog's question afterwards; the others end the running dialog.
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
    private readonly IStatePropertyAccessor<ConversationMemory> memory = ConversationMemory.Accessor(conversationState);

    /// <summary>
    /// Handles the message when it is a global command or intent and returns the turn's result (the caller returns
    /// it as is); null when the message is for the running dialog or for routing.
    /// </summary>
    public async Task<DialogTurnResult?> TryHandleAsync(DialogContext innerDc, GlobalCommand command, Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
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
}
