using System.Collections.Concurrent;
using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>A proactive channel that records what it is given and answers from a script (default: delivered).</summary>
internal sealed class FakeChannel(string channelId = "telegram") : IProactiveChannel
{
    public ConcurrentQueue<DeliveryResult> Script { get; } = new();

    public ConcurrentQueue<(DateTimeOffset At, string Conversation, string Text)> Sent { get; } = new();

    public int Calls;

    /// <summary>Thrown by the next call instead of answering (a channel bug or a network error escaping it).</summary>
    public Exception? ThrowNext { get; set; }

    public string ChannelId => channelId;

    public Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        if (ThrowNext is { } error)
        {
            ThrowNext = null;
            throw error;
        }
        var result = Script.TryDequeue(out var next) ? next : DeliveryResult.Delivered;
        if (result.Status == DeliveryStatus.Delivered)
            Sent.Enqueue((DateTimeOffset.FromUnixTimeMilliseconds(Environment.TickCount64), reference.Conversation?.Id ?? "", activities[0].Text ?? ""));
        return Task.FromResult(result);
    }
}
