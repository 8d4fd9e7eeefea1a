using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Conversations.Tests;

public class Conversation_serialization
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_hundred_parallel_turns_on_one_conversation_lose_no_update()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var counter = state.CreateProperty<int>("counter");
        var adapter = new TestAdapter { OnTurnError = null };
        var inside = 0;
        var overlapped = false;

        async Task Increment(ITurnContext turn, CancellationToken ct)
        {
            overlapped |= Interlocked.Increment(ref inside) > 1;
            var value = await counter.GetAsync(turn, () => 0, ct);
            await Task.Yield();
            await counter.SetAsync(turn, value + 1, ct);
            await state.SaveChangesAsync(turn, false, ct);
            Interlocked.Decrement(ref inside);
        }

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => adapter.SendTextToBotAsync("+1", Increment, Ct))));

        var check = new TurnContext(adapter, adapter.MakeActivity("?"));
        Assert.Equal(100, await new ConversationState(storage).CreateProperty<int>("counter").GetAsync(check, Ct));
        Assert.False(overlapped);
        Assert.Equal(0, adapter.Locks.ActiveCount);
    }

    [Fact]
    public async Task Different_conversations_run_at_the_same_time()
    {
        var adapter = new TestAdapter();
        var both = new TaskCompletionSource();
        var arrived = 0;

        Task Turn(string conversation) => adapter.ProcessActivityAsync(
            new Activity { Type = ActivityTypes.Message, ChannelId = "test", Conversation = new ConversationAccount(conversation) },
            async (_, _) =>
            {
                if (Interlocked.Increment(ref arrived) == 2)
                    both.SetResult();
                await both.Task.WaitAsync(TimeSpan.FromSeconds(10));
            },
            Ct);

        await Task.WhenAll(Turn("a"), Turn("b"));

        Assert.Equal(2, arrived);
    }

    [Fact]
    public async Task Lock_entries_are_released_after_failures_and_cancellations()
    {
        var locks = new ConversationLocks();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAsync<InvalidOperationException>(() => locks.RunAsync("k", 0, (_, _) => throw new InvalidOperationException(), Ct));
        var holder = new TaskCompletionSource();
        var held = locks.RunAsync("k", 0, (_, _) => holder.Task, Ct);
        var waiting = locks.RunAsync("k", 0, (_, _) => Task.CompletedTask, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        holder.SetResult();
        await held;

        Assert.Equal(0, locks.ActiveCount);
    }

    [Fact]
    public async Task Memory_stays_bounded_over_many_conversations()
    {
        var adapter = new TestAdapter();

        for (var i = 0; i < 1000; i++)
        {
            await adapter.ProcessActivityAsync(
                new Activity { Type = ActivityTypes.Message, ChannelId = "test", Conversation = new ConversationAccount("c" + i) },
                (_, _) => Task.CompletedTask, Ct);
        }

        Assert.Equal(0, adapter.Locks.ActiveCount);
    }
}
