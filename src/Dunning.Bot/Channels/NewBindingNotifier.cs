using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Channels;

/// <summary>
/// When a new chat replaces a debtor's address on a channel: a line in the case history and a (low-priority) owner
/// alert at once, and the <c>linking.bound_elsewhere</c> notice to the previous chat(s). The notice is sent outside the
/// binding turn: that turn holds its conversation's lock, and two chats binding at once must not wait for each other.
/// </summary>
internal sealed partial class NewBindingNotifier(
    IServiceProvider services,
    IConversationStore conversations,
    ICaseStore cases,
    IOwnerNotifier owner,
    MessageCatalogue catalogue,
    TimeProvider clock,
    ILogger<NewBindingNotifier> logger) : INewBindingNotifier
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public async Task ReplacedAsync(Debtor debtor, string channel, ContactAddress previous, string newConversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(previous);
        var now = clock.GetUtcNow();
        var summary = $"A new chat on {channel} was linked to this account and replaced the previous one; the debtor was told on the previous chat.";
        await cases.UpdateAsync(debtor.Id, c => c.Record(new CaseAction(now, CaseActionKinds.Rebound, summary, channel, Actor: "debtor")), cancellationToken);
        await owner.NotifyAsync(new OwnerAlert(debtor.Id, debtor.Name, EscalationReason.NewBinding, EscalationPriority.Low, summary, null, now), cancellationToken);
        if (previous.DeadSince is not null)
            return;
        var old = (await conversations.ListByDebtorAsync(debtor.Id, cancellationToken))
            .Where(l => l.Channel == channel && l.Key != newConversationKey && IsAt(l.Reference, previous.Address))
            .ToList();
        if (old.Count == 0)
            return;
        var text = catalogue.Render("linking", "bound_elsewhere", debtor.Language);
        // Neither the turn's lock nor its unit of work may flow into the detached send.
        using (ExecutionContext.SuppressFlow())
            _ = Task.Run(() => SendAsync(old, text, channel));
    }

    private async Task SendAsync(IReadOnlyList<ConversationLink> links, string text, string channelId)
    {
        // Resolved now, not in the constructor: the channel adapters are built with the bot, which needs this notifier.
        var channel = services.GetServices<IProactiveChannel>().FirstOrDefault(c => c.ChannelId == channelId);
        if (channel is null)
            return;
        using var timeout = new CancellationTokenSource(SendTimeout);
        foreach (var link in links)
        {
            try
            {
                var result = await channel.SendAsync(link.Reference, [Activity.CreateMessage(text)], timeout.Token);
                if (result.Status != DeliveryStatus.Delivered)
                    LogNotDelivered(link.Key, result.Status.ToString());
            }
            catch (Exception ex)
            {
                LogFailed(link.Key, ex);
            }
        }
    }

    /// <summary>Telegram and web chat address a chat by its conversation id, Teams by the user's id.</summary>
    private static bool IsAt(ConversationReference reference, string address) =>
        reference.Conversation?.Id == address || reference.User?.Id == address;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The new-binding notice did not reach the previous chat {Key}: {Status}")]
    private partial void LogNotDelivered(string key, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "The new-binding notice to the previous chat {Key} failed")]
    private partial void LogFailed(string key, Exception exception);
}
