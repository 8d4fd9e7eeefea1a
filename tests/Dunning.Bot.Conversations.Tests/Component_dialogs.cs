using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Conversations.Tests;

public class Component_dialogs
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static PromptOptions Ask(string text) => new() { Prompt = Activity.CreateMessage(text) };

    /// <summary>Asks for a street and a city, ends with "street, city".</summary>
    private sealed class AddressDialog : ComponentDialog
    {
        public AddressDialog()
            : base("address")
        {
            AddDialog(new WaterfallDialog("address.steps",
            [
                (step, ct) => step.PromptAsync("address.text", Ask("street?"), ct),
                (step, ct) => { step.Values["street"] = step.Result; return step.PromptAsync("address.text", Ask("city?"), ct); },
                (step, ct) => step.EndDialogAsync($"{step.Values.GetValue<string>("street")}, {step.Result}", ct),
            ]));
            AddDialog(new TextPrompt("address.text"));
        }
    }

    /// <summary>The interruption layer: "help" answers and re-asks, "stop" cancels everything.</summary>
    private sealed class MainDialog : ComponentDialog
    {
        public MainDialog()
            : base("main")
        {
            AddDialog(new WaterfallDialog("main.steps",
            [
                (step, ct) => step.PromptAsync("main.text", Ask("name?"), ct),
                (step, ct) => { step.Values["name"] = step.Result; return step.BeginDialogAsync("address", null, ct); },
                (step, ct) => step.EndDialogAsync($"{step.Values.GetValue<string>("name")} @ {step.Result}", ct),
            ]));
            AddDialog(new TextPrompt("main.text"));
            AddDialog(new AddressDialog());
        }

        public List<DialogReason> EndReasons { get; } = [];

        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        {
            EndReasons.Add(reason);
            return base.EndDialogAsync(turnContext, instance, reason, cancellationToken);
        }

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            switch (innerDc.Context.Activity.Text?.Trim().ToLowerInvariant())
            {
                case "help":
                    await innerDc.Context.SendActivityAsync("[help]", cancellationToken);
                    await innerDc.RepromptDialogAsync(cancellationToken);
                    return EndOfTurn;
                case "stop":
                    await innerDc.Context.SendActivityAsync("[stopped]", cancellationToken);
                    return await innerDc.CancelAllDialogsAsync(cancellationToken);
                default:
                    return await base.OnContinueDialogAsync(innerDc, cancellationToken);
            }
        }
    }

    [Fact]
    public async Task A_nested_component_runs_inside_its_parent_and_returns_its_result()
    {
        var client = new DialogTestClient(new MainDialog());

        Assert.Equal(["name?"], await client.SayAsync("hi", Ct));
        Assert.Equal(["street?"], await client.SayAsync("Ada", Ct));
        Assert.Equal(["city?"], await client.SayAsync("Hauptstr. 1", Ct));
        await client.SayAsync("Köln", Ct);

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Equal("Ada @ Hauptstr. 1, Köln", client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task An_interruption_mid_dialog_answers_and_asks_the_pending_question_again()
    {
        var client = new DialogTestClient(new MainDialog());
        await client.SayAsync("hi", Ct);
        await client.SayAsync("Ada", Ct);

        Assert.Equal(["[help]", "street?"], await client.SayAsync("help", Ct));
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult!.Status);
        Assert.Equal(["city?"], await client.SayAsync("Ring 2", Ct));
    }

    [Fact]
    public async Task Cancelling_deep_inside_nested_dialogs_empties_the_whole_stack()
    {
        var main = new MainDialog();
        var client = new DialogTestClient(main);
        await client.SayAsync("hi", Ct);
        await client.SayAsync("Ada", Ct);
        await client.SayAsync("Ring 2", Ct);

        Assert.Equal(["[stopped]"], await client.SayAsync("stop", Ct));

        Assert.Equal(DialogTurnStatus.Cancelled, client.DialogTurnResult!.Status);
        Assert.Contains(DialogReason.CancelCalled, main.EndReasons);
        Assert.Empty((await ReadStack(client)).DialogStack);
        Assert.Equal(["name?"], await client.SayAsync("again", Ct));
    }

    [Fact]
    public async Task The_inner_stack_is_persisted_inside_the_component_instance()
    {
        var client = new DialogTestClient(new MainDialog());
        await client.SayAsync("hi", Ct);
        await client.SayAsync("Ada", Ct);

        var stack = await ReadStack(client);

        Assert.Equal("main", Assert.Single(stack.DialogStack).Id);
        var inner = stack.DialogStack[0].State.GetValue<DialogState>("dialogs")!;
        Assert.Equal(["address", "main.steps"], inner.DialogStack.Select(d => d.Id));
    }

    private static async Task<DialogState> ReadStack(DialogTestClient client)
    {
        var turn = new TurnContext(client.Adapter, client.Adapter.MakeActivity("peek"));
        return (await new Dunning.Bot.Conversations.State.ConversationState(client.Storage)
            .CreateProperty<DialogState>(DialogTestClient.DialogStateProperty).GetAsync(turn, Ct))!;
    }
}
