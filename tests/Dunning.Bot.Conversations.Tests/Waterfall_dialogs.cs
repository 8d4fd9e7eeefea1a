using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Conversations.Tests;

public class Waterfall_dialogs
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    public sealed record Order(string Item, int Quantity);

    /// <summary>name → quantity → summary; the options carry a greeting.</summary>
    private static ComponentDialog OrderDialog()
    {
        var dialog = new ComponentDialog("order");
        dialog.AddDialog(new WaterfallDialog("steps",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(step.GetOptions<string>() ?? "start", ct);
                return await step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessage("item?") }, ct);
            },
            (step, ct) =>
            {
                step.Values["item"] = step.Result;
                return step.PromptAsync("int", new PromptOptions { Prompt = Activity.CreateMessage("how many?") }, ct);
            },
            async (step, ct) =>
            {
                var order = new Order(step.Values.GetValue<string>("item")!, (int)step.Result!);
                await step.Context.SendActivityAsync($"{order.Quantity} x {order.Item}", ct);
                return await step.EndDialogAsync(order, ct);
            },
        ]));
        dialog.AddDialog(new TextPrompt("text"));
        dialog.AddDialog(new NumberPrompt<int>("int"));
        return dialog;
    }

    [Fact]
    public async Task A_waterfall_runs_its_steps_in_order_and_completes_with_the_last_result()
    {
        var client = new DialogTestClient(OrderDialog(), "Hallo");

        Assert.Equal(["Hallo", "item?"], await client.SayAsync("hi", Ct));
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult!.Status);
        Assert.Equal(["how many?"], await client.SayAsync("Tee", Ct));
        Assert.Equal(["3 x Tee"], await client.SayAsync("3", Ct));

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Equal(new Order("Tee", 3), client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task The_dialog_stack_survives_a_new_process_over_the_same_storage()
    {
        var storage = new MemoryStorage();
        var before = new DialogTestClient(OrderDialog(), "Hallo", storage: storage);
        await before.SayAsync("hi", Ct);
        await before.SayAsync("Kaffee", Ct);

        var after = new DialogTestClient(OrderDialog(), "Hallo", storage: storage);
        var replies = await after.SayAsync("2", Ct);

        Assert.Equal(["2 x Kaffee"], replies);
        Assert.Equal(new Order("Kaffee", 2), after.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task Next_skips_ahead_with_a_result_and_cannot_be_called_twice()
    {
        InvalidOperationException? second = null;
        var dialog = new WaterfallDialog("w",
        [
            async (step, ct) =>
            {
                var result = await step.NextAsync("skipped", ct);
                second = await Assert.ThrowsAsync<InvalidOperationException>(() => step.NextAsync(null, ct));
                return result;
            },
            (step, ct) => step.EndDialogAsync("got " + step.Result, ct),
        ]);
        var client = new DialogTestClient(dialog);

        await client.SayAsync("go", Ct);

        Assert.Equal("got skipped", client.DialogTurnResult!.Result);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Replace_dialog_swaps_the_active_dialog_without_resuming_the_parent()
    {
        var component = new ComponentDialog("c");
        component.AddDialog(new WaterfallDialog("first", [(step, ct) => step.ReplaceDialogAsync("second", "from first", ct)]));
        component.AddDialog(new WaterfallDialog("second",
        [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessage("second asks, " + step.GetOptions<string>()) }, ct),
            (step, ct) => step.EndDialogAsync("second ended: " + step.Result, ct),
        ]));
        component.AddDialog(new TextPrompt("text"));
        var client = new DialogTestClient(component);

        Assert.Equal(["second asks, from first"], await client.SayAsync("hi", Ct));
        await client.SayAsync("ok", Ct);

        Assert.Equal("second ended: ok", client.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task Beginning_an_unknown_dialog_fails_the_turn_and_resets_the_conversation()
    {
        var dialog = new WaterfallDialog("w", [(step, ct) => step.BeginDialogAsync("nowhere", null, ct)]);
        var client = new DialogTestClient(dialog);

        var replies = await client.SayAsync("hi", Ct);

        Assert.Equal([TurnErrorReply.Default.For("en")], replies);
        Assert.Null(client.DialogTurnResult);
        Assert.Empty(await client.Storage.ReadAsync([ConversationState.KeyFor("test", "convo1")], Ct));
    }

    [Fact]
    public async Task A_stack_naming_a_removed_dialog_recovers_instead_of_trapping_the_user()
    {
        var storage = new MemoryStorage();
        await new DialogTestClient(OrderDialog(), storage: storage).SayAsync("hi", Ct);
        var renamed = new ComponentDialog("order");
        renamed.AddDialog(new WaterfallDialog("other", [(step, ct) => step.EndDialogAsync("fresh", ct)]));
        var client = new DialogTestClient(renamed, storage: storage);

        Assert.Equal([TurnErrorReply.Default.For("en")], await client.SayAsync("x", Ct));
        await client.SayAsync("again", Ct);

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Equal("fresh", client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task Non_message_activities_leave_a_waiting_waterfall_where_it_was()
    {
        var client = new DialogTestClient(OrderDialog());
        await client.SayAsync("hi", Ct);

        var typing = client.Adapter.MakeActivity(null);
        typing.Type = ActivityTypes.Typing;
        var replies = await client.SendActivityAsync(typing, Ct);

        Assert.Empty(replies);
        Assert.Equal(["how many?"], await client.SayAsync("Tee", Ct));
    }
}
