using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Scheduling;

/// <summary>The simulation's channel: accepts every message and keeps nothing but a count.</summary>
internal sealed class RecordingChannel(string channelId) : IProactiveChannel
{
    public int Delivered { get; private set; }

    public string ChannelId => channelId;

    public Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        Delivered++;
        return Task.FromResult(DeliveryResult.Delivered);
    }
}
