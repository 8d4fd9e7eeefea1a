using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Staff.Actions;

/// <summary>
/// Sends a message from the console to a debtor's conversation through the <see cref="IProactiveChannel"/> of its
/// channel (one attempt; the staff member sees the outcome at once) and records what was delivered in the transcript.
/// </summary>
public sealed class DebtorMessenger(IEnumerable<IProactiveChannel> channels, IConversationStore conversations, ITranscriptStore transcripts, TimeProvider clock)
{
    /// <summary>Sends <paramref name="activity"/> to <paramref name="link"/>; <paramref name="sender"/> is the name recorded and shown.</summary>
    public async Task<DeliveryResult> SendAsync(ConversationLink link, Activity activity, string sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(activity);
        var channel = channels.FirstOrDefault(c => c.ChannelId == link.Channel);
        if (channel is null)
            return DeliveryResult.Dead($"The {link.Channel} channel is not configured on this host.");
        activity.From ??= new ChannelAccount("staff", sender) { Role = "bot" };
        var result = await channel.SendAsync(link.Reference, [activity], cancellationToken);
        if (result.Status == DeliveryStatus.Delivered)
            await RecordAsync(link, activity, sender, cancellationToken);
        return result;
    }

    /// <summary>
    /// The debtor's conversation to answer in: the most recent one on a channel this host serves, preferring one the
    /// debtor has not opted out of; null when they never chatted.
    /// </summary>
    public async Task<ConversationLink?> LatestConversationAsync(Debtor debtor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        var links = (await conversations.ListByDebtorAsync(debtor.Id, cancellationToken))
            .Where(l => channels.Any(c => c.ChannelId == l.Channel))
            .ToList();
        return links.FirstOrDefault(l => debtor.Contact(l.Channel)?.OptedOutAt is null) ?? links.FirstOrDefault();
    }

    private Task RecordAsync(ConversationLink link, Activity activity, string sender, CancellationToken cancellationToken) =>
        transcripts.AppendAsync(new TranscriptEntry(link.Key, link.DebtorId, clock.GetUtcNow(), TranscriptDirection.Outbound, activity.Type, activity.Text, sender),
            cancellationToken);
}
