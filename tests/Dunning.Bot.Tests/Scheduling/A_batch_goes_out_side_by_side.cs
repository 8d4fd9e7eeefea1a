using System.Collections.Concurrent;
using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>
/// <c>Scheduling:DispatchConcurrency</c>: the debtors of one leased batch are sent side by side (a send mostly waits for
/// the channel), each debtor's own entries one after the other.
/// </summary>
public sealed class A_batch_goes_out_side_by_side
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Four_debtors_are_sent_at_once_and_one_debtors_two_messages_never_overlap()
    {
        var channel = new HoldingChannel(holdUntilInFlight: 4, longest: TimeSpan.FromSeconds(20));
        using var world = new ScheduleWorld(channel: channel);
        foreach (var id in new[] { "D-1", "D-2", "D-3", "D-4" })
            await world.AddDebtorAsync(id);
        await world.Sweep.SweepAsync(None);
        await EnqueueFollowUpAsync(world, "D-1");

        var report = await world.Dispatcher.DispatchAsync(None);

        // Each send is held until four are in flight: one after the other, the first would wait out its 20 s alone.
        Assert.Equal(4, channel.MostInFlight);
        // D-1's second entry came after its first and saw it sent: the contact rules defer a second message that day.
        // Had the two gone side by side, both would have passed the rules and D-1 would have had two messages at once.
        Assert.Equal((4, 1), (report.Sent, report.Deferred));
        Assert.Single(channel.Sent, c => c == "chat-D-1");
        Assert.Empty(channel.Overlapping);
        var entries = await world.Outbox.ListByDebtorAsync("D-1", None);
        Assert.Equal([OutboxStatus.Pending, OutboxStatus.Sent], entries.Select(e => e.Status).Order());
    }

    [Fact]
    public async Task With_a_concurrency_of_one_a_batch_goes_strictly_in_order()
    {
        var channel = new HoldingChannel(holdUntilInFlight: 2, longest: TimeSpan.FromMilliseconds(100));
        using var world = new ScheduleWorld(settings: new() { ["Scheduling:DispatchConcurrency"] = "1" }, channel: channel);
        foreach (var id in new[] { "D-1", "D-2", "D-3" })
            await world.AddDebtorAsync(id);
        await world.Sweep.SweepAsync(None);

        var report = await world.Dispatcher.DispatchAsync(None);

        Assert.Equal((3, 1), (report.Sent, channel.MostInFlight));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    public void A_concurrency_outside_one_to_sixty_four_is_refused_with_its_name(string value)
    {
        var options = new SchedulingOptions { DispatchConcurrency = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Contains(options.Validate(), p => p.Contains("Scheduling:DispatchConcurrency must be between 1 and 64", StringComparison.Ordinal));
    }

    private static async Task EnqueueFollowUpAsync(ScheduleWorld world, string debtorId)
    {
        var entry = new OutboxEntry
        {
            Key = $"follow_up:{debtorId}:1", DebtorId = debtorId, Kind = OutboxKinds.FollowUp, Channel = "telegram",
            ConversationKey = "telegram/chat-" + debtorId, Language = "de", MessageKey = "follow_up", Text = "Wie besprochen.",
            CreatedAt = world.Now,
        };
        Assert.True(await world.Outbox.EnqueueAsync(entry, await world.CaseAsync(debtorId), None));
    }

    /// <summary>
    /// Holds every send until <c>holdUntilInFlight</c> sends are in flight at once (or <c>longest</c> passed), and notes
    /// the most sends it saw at once and any conversation that had two at the same time.
    /// </summary>
    private sealed class HoldingChannel(int holdUntilInFlight, TimeSpan longest) : IProactiveChannel
    {
        private readonly TaskCompletionSource enough = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<string, int> perConversation = new(StringComparer.Ordinal);
        private int inFlight;
        private int most;

        public string ChannelId => "telegram";

        public int MostInFlight => Volatile.Read(ref most);

        public ConcurrentQueue<string> Sent { get; } = new();

        public ConcurrentQueue<string> Overlapping { get; } = new();

        public async Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            var conversation = reference.Conversation?.Id ?? "";
            if (perConversation.AddOrUpdate(conversation, 1, (_, n) => n + 1) > 1)
                Overlapping.Enqueue(conversation);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            if (now >= holdUntilInFlight)
                enough.TrySetResult();
            await Task.WhenAny(enough.Task, Task.Delay(longest, cancellationToken));
            Interlocked.Decrement(ref inFlight);
            perConversation.AddOrUpdate(conversation, 0, (_, n) => n - 1);
            Sent.Enqueue(conversation);
            return DeliveryResult.Delivered;
        }

        private static void InterlockedMax(ref int target, int value)
        {
            var seen = Volatile.Read(ref target);
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var was && was != seen)
                seen = was;
        }
    }
}
