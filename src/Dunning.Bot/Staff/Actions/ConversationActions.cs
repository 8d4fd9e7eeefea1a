using System.Text.Json;
using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Staff.Actions;

/// <summary>
/// Takeover, reply and hand-back of one conversation. A takeover sets the link's handoff to Human with the staff
/// member as owner (a versioned save: the bot's turn and another console user cannot silently undo it); a conversation
/// someone else owns is taken only with an explicit override. While a person owns it the bot stays silent and the
/// schedule sends no reminders. The debtor is told on every chat channel that the person joined and, on hand-back, left
/// (<see cref="StaffVoice"/>); their replies carry their name and job. Replies go out through the conversation's channel
/// and into the transcript; hand-back returns it to the bot, tells the debtor, and asks the scheduler to look at the case again.
/// </summary>
public sealed class ConversationActions(
    IConversationStore conversations,
    IEscalationStore escalations,
    DebtorMessenger messenger,
    ITranscriptStore transcripts,
    IHandoffHub hub,
    MessageCatalogue catalogue,
    StaffRecords records,
    StaffVoice voice)
{
    /// <summary>The longest reply a staff member may send (Telegram's message limit).</summary>
    public const int MaxReplyLength = 4096;
    private const int Attempts = 3;

    public async Task<StaffResult> TakeOverAsync(StaffActor actor, string key, bool overrideOwner, CancellationToken cancellationToken)
    {
        var (refused, link, before) = await ChangeHandoffAsync(key, link =>
            link.Handoff == HandoffState.Human && link.HandoffOwner == actor.UserName ? StaffResult.Done("result_already_yours")
            : link.Handoff == HandoffState.Human && !overrideOwner ? StaffResult.Conflict("result_owned_by_other", new { name = link.HandoffOwner })
            : null, HandoffState.Human, actor.UserName, cancellationToken);
        if (refused is not null)
            return refused;
        var assigned = await AssignEscalationsAsync(link, actor, cancellationToken);
        var now = records.Now;
        await hub.PublishAsync(HandoffEvents.CreateInitiation(link, new
        {
            skill = "collections",
            debtorId = link.DebtorId,
            owner = actor.UserName,
            escalations = assigned,
        }, await TranscriptAsync(link, cancellationToken), now), cancellationToken);
        await records.WriteAsync(actor, link.DebtorId, overrideOwner && before.Contains("Human", StringComparison.Ordinal) ? "take-over-override" : "take-over",
            $"conversation {key}", before, Describe(link),
            link.DebtorId is null ? null : new CaseAction(now, CaseActionKinds.Staff, $"Conversation on {link.Channel} taken over by {actor.UserName}", Channel: link.Channel, Actor: actor.UserName),
            cancellationToken, "conversation");
        await NoticeAsync(actor, link, joined: true, cancellationToken);
        return StaffResult.Done("result_taken_over");
    }

    public async Task<StaffResult> ReplyAsync(StaffActor actor, string key, string? text, CancellationToken cancellationToken)
    {
        var message = text?.Trim();
        if (string.IsNullOrEmpty(message))
            return StaffResult.Invalid("result_reply_empty");
        if (message.Length > MaxReplyLength)
            return StaffResult.Invalid("result_reply_too_long", new { max = MaxReplyLength });
        var link = await conversations.FindAsync(key, cancellationToken);
        if (link is null)
            return StaffResult.NotFound("result_no_conversation");
        if (link.Handoff != HandoffState.Human || link.HandoffOwner != actor.UserName)
            return StaffResult.Conflict("result_take_over_first");
        var result = await messenger.SendAsync(link, await voice.ReplyAsync(actor, link, message, cancellationToken), actor.UserName, cancellationToken);
        if (result.Status != DeliveryStatus.Delivered)
            return StaffResult.Failed("result_not_delivered", new { detail = $"{result.Status}: {result.Detail}" });
        await records.WriteAsync(actor, link.DebtorId, "reply", $"conversation {key}", null, message, null, cancellationToken, "conversation");
        return StaffResult.Done("result_sent");
    }

    public async Task<StaffResult> HandBackAsync(StaffActor actor, string key, bool overrideOwner, CancellationToken cancellationToken)
    {
        var wasHuman = false;
        var (refused, link, before) = await ChangeHandoffAsync(key, link =>
        {
            wasHuman = link.Handoff == HandoffState.Human;
            return link.Handoff == HandoffState.Bot ? StaffResult.Conflict("result_bot_has_it")
                : wasHuman && link.HandoffOwner != actor.UserName && !overrideOwner ? StaffResult.Conflict("result_owned_by_other_hand_back", new { name = link.HandoffOwner })
                : null;
        }, HandoffState.Bot, null, cancellationToken);
        if (refused is not null)
            return refused;
        await ResolveConversationEscalationsAsync(link, actor, cancellationToken);
        var now = records.Now;
        if (wasHuman)
        {
            await NoticeAsync(actor, link, joined: false, cancellationToken);
            var back = Activity.CreateMessage(catalogue.Render("console", "handed_back", link.Language));
            back.Locale = catalogue.Locale(link.Language);
            await messenger.SendAsync(link, back, "bot", cancellationToken);
        }
        await hub.PublishAsync(HandoffEvents.CreateStatus(link, "completed", now), cancellationToken);
        await records.WriteAsync(actor, link.DebtorId, "hand-back", $"conversation {key}", before, Describe(link),
            link.DebtorId is null ? null : new CaseAction(now, CaseActionKinds.Staff, $"Conversation on {link.Channel} handed back to the bot by {actor.UserName}", Channel: link.Channel, Actor: actor.UserName),
            cancellationToken, "conversation");
        return StaffResult.Done("result_handed_back");
    }

    /// <summary>The join or leave notice; a channel that cannot deliver it now does not undo the takeover.</summary>
    private async Task NoticeAsync(StaffActor actor, ConversationLink link, bool joined, CancellationToken cancellationToken)
    {
        if (await voice.NoticeAsync(actor, link, joined, cancellationToken) is { } notice)
            await messenger.SendAsync(link, notice, actor.UserName, cancellationToken);
    }

    /// <summary>
    /// Sets the handoff of <paramref name="key"/> (a versioned save, re-read and re-checked on a concurrent change) unless
    /// <paramref name="refuse"/> returns a result for the current link; returns that result, or the saved link and its state before.
    /// </summary>
    private async Task<(StaffResult? Refused, ConversationLink Link, string Before)> ChangeHandoffAsync(string key, Func<ConversationLink, StaffResult?> refuse,
        HandoffState handoff, string? owner, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var link = await conversations.FindAsync(key, cancellationToken);
            if (link is null)
                return (StaffResult.NotFound("result_no_conversation"), null!, "");
            if (refuse(link) is { } refused)
                return (refused, link, "");
            var before = Describe(link);
            (link.Handoff, link.HandoffOwner) = (handoff, owner);
            try
            {
                await conversations.SaveAsync(link, cancellationToken);
                return (null, link, before);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
            }
            catch (ConcurrencyConflictException)
            {
                return (StaffResult.Conflict("result_try_again"), link, "");
            }
        }
    }

    /// <summary>Open escalations from this conversation become In progress, assigned to the new owner; returns their ids.</summary>
    private async Task<List<string>> AssignEscalationsAsync(ConversationLink link, StaffActor actor, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        if (link.DebtorId is null)
            return ids;
        foreach (var escalation in await escalations.ListByDebtorAsync(link.DebtorId, cancellationToken))
        {
            if (escalation.State == EscalationState.Resolved || (escalation.ConversationKey is { } from && from != link.Key))
                continue;
            escalation.State = EscalationState.InProgress;
            escalation.AssignedTo = actor.UserName;
            if (await TrySaveAsync(escalation, cancellationToken))
                ids.Add(escalation.Id);
        }
        return ids;
    }

    /// <summary>"A person, please" and "did not understand" are answered by the conversation itself; other reasons stay open.</summary>
    private async Task ResolveConversationEscalationsAsync(ConversationLink link, StaffActor actor, CancellationToken cancellationToken)
    {
        if (link.DebtorId is null)
            return;
        foreach (var escalation in await escalations.ListByDebtorAsync(link.DebtorId, cancellationToken))
        {
            if (escalation.State == EscalationState.Resolved || escalation.ConversationKey != link.Key
                || escalation.Reason is not (EscalationReason.RequestHuman or EscalationReason.NotUnderstood))
                continue;
            escalation.State = EscalationState.Resolved;
            escalation.ClosedAt = records.Now;
            escalation.AssignedTo ??= actor.UserName;
            await TrySaveAsync(escalation, cancellationToken);
        }
    }

    private async Task<bool> TrySaveAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        try
        {
            await escalations.SaveAsync(escalation, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false; // changed meanwhile by someone else; theirs stands
        }
    }

    private static string Describe(ConversationLink link) =>
        JsonSerializer.Serialize(new { handoff = link.Handoff.ToString(), owner = link.HandoffOwner });

    /// <summary>The most transcript entries the handoff event carries.</summary>
    private const int HandoffTranscriptLimit = 500;

    /// <summary>The latest part of the conversation as activities, for the handoff event's transcript attachment.</summary>
    private async Task<IReadOnlyList<Activity>> TranscriptAsync(ConversationLink link, CancellationToken cancellationToken)
    {
        var all = new List<TranscriptEntry>();
        DateTimeOffset? after = null;
        while (true)
        {
            var page = await transcripts.ListAsync(link.Key, after, HandoffTranscriptLimit, cancellationToken);
            all.AddRange(page);
            if (page.Count < HandoffTranscriptLimit)
                break;
            after = page[^1].At;
        }
        return [.. all.TakeLast(HandoffTranscriptLimit).Select(e => ToActivity(link, e))];
    }

    private static Activity ToActivity(ConversationLink link, TranscriptEntry entry) => new()
    {
        Type = entry.Type,
        Id = entry.ActivityId,
        Timestamp = entry.At,
        ChannelId = link.Channel,
        Conversation = link.Reference.Conversation,
        Text = entry.Text,
        Name = entry.Name,
        From = entry.Direction == TranscriptDirection.Inbound
            ? new ChannelAccount(link.Reference.User?.Id ?? "user", entry.Sender) { Role = "user" }
            : new ChannelAccount(link.Reference.Bot?.Id ?? "bot", entry.Sender) { Role = "bot" },
    };
}
