using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Conversations.Tests;

public class Bot_state_persistence
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    public sealed class Profile
    {
        public string? Name { get; set; }

        public List<decimal> Amounts { get; set; } = [];
    }

    private static TurnContext Turn(TestAdapter adapter, string text = "x") => new(adapter, adapter.MakeActivity(text));

    [Fact]
    public async Task State_survives_new_objects_over_the_same_storage()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter();
        var first = new ConversationState(storage);
        var turn = Turn(adapter);
        var profile = await first.CreateProperty<Profile>("profile").GetAsync(turn, () => new Profile(), Ct);
        profile.Name = "Jörg";
        profile.Amounts.Add(12.50m);
        await first.SaveChangesAsync(turn, false, Ct);

        var second = new ConversationState(storage);
        var reloaded = await second.CreateProperty<Profile>("profile").GetAsync(Turn(adapter), Ct);

        Assert.Equal("Jörg", reloaded!.Name);
        Assert.Equal([12.50m], reloaded.Amounts);
    }

    [Fact]
    public async Task The_storage_keys_follow_bot_framework()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter("telegram");
        var turn = Turn(adapter);
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        await conversation.CreateProperty<int>("n").SetAsync(turn, 1, Ct);
        await user.CreateProperty<int>("n").SetAsync(turn, 2, Ct);
        await conversation.SaveChangesAsync(turn, false, Ct);
        await user.SaveChangesAsync(turn, false, Ct);

        var read = await storage.ReadAsync(["telegram/conversations/convo1", "telegram/users/user1"], Ct);

        Assert.Equal(2, read.Count);
        Assert.Equal("telegram/conversations/convo1", ConversationState.KeyFor("telegram", "convo1"));
    }

    [Fact]
    public async Task A_save_after_someone_else_saved_throws_instead_of_losing_their_update()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter();
        var seed = Turn(adapter);
        var state = new ConversationState(storage);
        await state.CreateProperty<int>("count").SetAsync(seed, 1, Ct);
        await state.SaveChangesAsync(seed, false, Ct);

        var turnA = Turn(adapter);
        var turnB = Turn(adapter);
        var stateA = new ConversationState(storage);
        var stateB = new ConversationState(storage);
        await stateA.CreateProperty<int>("count").SetAsync(turnA, 2, Ct);
        await stateB.CreateProperty<int>("count").SetAsync(turnB, 3, Ct);
        await stateA.SaveChangesAsync(turnA, false, Ct);

        await Assert.ThrowsAsync<StorageConflictException>(() => stateB.SaveChangesAsync(turnB, false, Ct));
        Assert.Equal(2, await new ConversationState(storage).CreateProperty<int>("count").GetAsync(Turn(adapter), Ct));
    }

    [Fact]
    public async Task A_forced_save_overwrites_a_newer_version()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter();
        var turnA = Turn(adapter);
        var turnB = Turn(adapter);
        await new ConversationState(storage).LoadAsync(turnA, false, Ct);
        var stateB = new ConversationState(storage);
        await stateB.CreateProperty<string>("v").SetAsync(turnB, "b", Ct);
        await stateB.SaveChangesAsync(turnB, false, Ct);
        var stateA = new ConversationState(storage);
        await stateA.CreateProperty<string>("v").SetAsync(turnA, "a", Ct);

        await stateA.SaveChangesAsync(turnA, true, Ct);

        Assert.Equal("a", await new ConversationState(storage).CreateProperty<string>("v").GetAsync(Turn(adapter), Ct));
    }

    [Fact]
    public async Task Two_saves_in_one_turn_do_not_conflict_with_each_other()
    {
        var storage = new MemoryStorage();
        var turn = Turn(new TestAdapter());
        var state = new ConversationState(storage);
        var count = state.CreateProperty<int>("count");

        await count.SetAsync(turn, 1, Ct);
        await state.SaveChangesAsync(turn, false, Ct);
        await count.SetAsync(turn, 2, Ct);
        await state.SaveChangesAsync(turn, false, Ct);

        Assert.Equal(2, await new ConversationState(storage).CreateProperty<int>("count").GetAsync(Turn(new TestAdapter()), Ct));
    }

    [Fact]
    public async Task Unchanged_state_is_not_written_again()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter();
        var first = Turn(adapter);
        var state = new ConversationState(storage);
        await state.CreateProperty<Profile>("p").SetAsync(first, new Profile { Name = "A" }, Ct);
        await state.SaveChangesAsync(first, false, Ct);
        var eTag = (await storage.ReadAsync(["test/conversations/convo1"], Ct)).Single().Value.ETag;

        var second = Turn(adapter);
        var again = new ConversationState(storage);
        _ = await again.CreateProperty<Profile>("p").GetAsync(second, Ct);
        await again.SaveChangesAsync(second, false, Ct);

        Assert.Equal(eTag, (await storage.ReadAsync(["test/conversations/convo1"], Ct)).Single().Value.ETag);
    }

    [Fact]
    public async Task Properties_not_read_in_a_turn_are_kept_as_they_were()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter();
        var first = Turn(adapter);
        var state = new ConversationState(storage);
        await state.CreateProperty<Profile>("p").SetAsync(first, new Profile { Name = "kept" }, Ct);
        await state.SaveChangesAsync(first, false, Ct);

        var second = Turn(adapter);
        var other = new ConversationState(storage);
        await other.CreateProperty<int>("n").SetAsync(second, 5, Ct);
        await other.SaveChangesAsync(second, false, Ct);

        var third = new ConversationState(storage);
        Assert.Equal("kept", (await third.CreateProperty<Profile>("p").GetAsync(Turn(adapter), Ct))!.Name);
    }

    [Fact]
    public async Task Deleting_state_removes_it_from_storage()
    {
        var storage = new MemoryStorage();
        var turn = Turn(new TestAdapter());
        var state = new ConversationState(storage);
        await state.CreateProperty<int>("n").SetAsync(turn, 1, Ct);
        await state.SaveChangesAsync(turn, false, Ct);

        await state.DeleteAsync(turn, Ct);

        Assert.Equal(0, storage.Count);
    }

    [Fact]
    public async Task Conversation_state_needs_a_conversation_id()
    {
        var adapter = new TestAdapter();
        var turn = new TurnContext(adapter, new Activity { ChannelId = "test" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => new ConversationState(new MemoryStorage()).LoadAsync(turn, false, Ct));
    }
}
