using System.Text;
using System.Text.Json;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Conversations.Tests;

/// <summary>The dialog stack in stored state: these pin its format and what a reload must keep.</summary>
public class Dialog_state_storage
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static TurnContext Turn(TestAdapter adapter) => new(adapter, adapter.MakeActivity("x"));

    private static async Task<DialogState> Load(MemoryStorage storage, TestAdapter adapter, TurnContext? turn = null) =>
        (await new ConversationState(storage).CreateProperty<DialogState>("DialogState").GetAsync(turn ?? Turn(adapter), () => new DialogState(), Ct))!;

    private static async Task Save(MemoryStorage storage, TestAdapter adapter, Action<DialogState> change)
    {
        var turn = Turn(adapter);
        var state = new ConversationState(storage);
        var stack = await state.CreateProperty<DialogState>("DialogState").GetAsync(turn, () => new DialogState(), Ct);
        change(stack);
        await state.SaveChangesAsync(turn, false, Ct);
    }

    [Fact]
    public async Task Values_set_in_one_turn_are_read_back_typed_after_a_reload()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter();
        await Save(storage, adapter, stack =>
        {
            var inner = new DialogState([new DialogInstance { Id = "inner", State = { ["n"] = 7 } }]);
            stack.DialogStack.Add(new DialogInstance
            {
                Id = "outer",
                State =
                {
                    ["count"] = 3, ["big"] = 5_000_000_000L, ["amount"] = 1250.50m, ["name"] = "Jörg \"J\" <b>",
                    ["done"] = true, ["nothing"] = null, ["dialogs"] = inner,
                    ["values"] = new Dictionary<string, object?> { ["k"] = "v" }, ["day"] = new DateOnly(2030, 12, 31),
                },
            });
        });

        var state = (await Load(storage, adapter)).DialogStack[0].State;

        Assert.IsType<JsonElement>(state["count"]);
        Assert.Equal(3, state.GetValue<int>("count"));
        Assert.Equal(5_000_000_000L, state.GetValue<long>("big"));
        Assert.Equal(1250.50m, state.GetValue<decimal>("amount"));
        Assert.Equal("Jörg \"J\" <b>", state.GetValue<string>("name"));
        Assert.True(state.GetValue<bool>("done"));
        Assert.Null(state["nothing"]);
        Assert.Equal(new DateOnly(2030, 12, 31), state.GetValue<DateOnly>("day"));
        Assert.Equal("v", state.GetValue<Dictionary<string, object?>>("values")!.GetValue<string>("k"));
        var inner = state.GetValue<DialogState>("dialogs")!;
        Assert.Equal(7, Assert.Single(inner.DialogStack).State.GetValue<int>("n"));
        Assert.Same(inner, state["dialogs"]);
    }

    [Fact]
    public async Task A_nested_value_changed_after_the_load_is_saved()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter();
        await Save(storage, adapter, stack => stack.DialogStack.Add(new DialogInstance
        {
            Id = "outer",
            State = { ["dialogs"] = new DialogState([new DialogInstance { Id = "inner", State = { ["n"] = 1 } }]) },
        }));

        await Save(storage, adapter, stack =>
        {
            var inner = stack.DialogStack[0].State.GetValue<DialogState>("dialogs")!;
            inner.DialogStack[0].State["n"] = inner.DialogStack[0].State.GetValue<int>("n") + 1;
            inner.DialogStack.Add(new DialogInstance { Id = "below" });
        });

        var reloaded = (await Load(storage, adapter)).DialogStack[0].State.GetValue<DialogState>("dialogs")!;
        Assert.Equal(["inner", "below"], reloaded.DialogStack.Select(d => d.Id));
        Assert.Equal(2, reloaded.DialogStack[0].State.GetValue<int>("n"));
    }

    [Fact]
    public async Task An_untouched_stack_is_not_written_again()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter();
        await Save(storage, adapter, stack => stack.DialogStack.Add(new DialogInstance { Id = "a", State = { ["options"] = new PromptOptions { Prompt = Activity.CreateMessage("q"), MaxAttempts = 3 } } }));
        var key = ConversationState.KeyFor("test", "convo1");
        var before = (await storage.ReadAsync([key], Ct))[key].ETag;

        await Save(storage, adapter, stack => _ = stack.DialogStack[0].State.GetValue<PromptOptions>("options"));

        Assert.Equal(before, (await storage.ReadAsync([key], Ct))[key].ETag);
    }

    [Fact]
    public void The_stack_json_is_what_the_serializer_writes_for_the_same_shape()
    {
        var stack = new DialogState([new DialogInstance { Id = "a", State = { ["i"] = 1, ["s"] = "x", ["n"] = null } }, new DialogInstance { Id = "b" }]);

        var json = JsonSerializer.Serialize(stack, ActivityJson.Options);

        Assert.Equal("""{"dialogStack":[{"id":"a","state":{"i":1,"s":"x","n":null}},{"id":"b","state":{}}]}""", json);
        var back = JsonSerializer.Deserialize<DialogState>(json, ActivityJson.Options)!;
        Assert.Equal(["a", "b"], back.DialogStack.Select(d => d.Id));
        Assert.Equal("x", back.DialogStack[0].State.GetValue<string>("s"));
    }

    [Theory]
    [InlineData("""{"DialogState":{"dialogStack":{}}}""")]
    [InlineData("""{"DialogState":{"dialogStack":[{"id":5}]}}""")]
    [InlineData("""{"DialogState":{"dialogStack":[7]}}""")]
    [InlineData("""{"DialogState":[]}""")]
    public async Task A_malformed_stored_stack_throws_a_json_exception(string document)
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [ConversationState.KeyFor("test", "convo1")] = new(Encoding.UTF8.GetBytes(document), null) }, Ct);

        await Assert.ThrowsAsync<JsonException>(() => Load(storage, adapter));
    }

    [Fact]
    public async Task A_stack_that_contains_itself_fails_the_save_instead_of_overflowing()
    {
        var storage = new MemoryStorage();
        var adapter = new TestAdapter();

        await Assert.ThrowsAsync<JsonException>(() => Save(storage, adapter, stack => stack.DialogStack.Add(new DialogInstance { Id = "loop", State = { ["dialogs"] = stack } })));
        Assert.Equal(0, storage.Count);
    }
}
