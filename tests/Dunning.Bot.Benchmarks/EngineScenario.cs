using Stopwatch = System.Diagnostics.Stopwatch;
using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Conversations.Testing;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// The conversation engine alone: a 6-turn waterfall (text, number, choice, confirm, date prompts) through
/// TestAdapter and MemoryStorage, so every turn loads and saves the dialog stack as JSON, as with a real store.
/// Options: --conversations N (default 20000), --warmup N (default 2000).
/// </summary>
internal sealed class EngineScenario : IScenario
{
    private static readonly string[] Script = ["hi", "Ada", "1.250,50", "2", "ja", "31.12.2030"];

    public string Name => "engine";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var conversations = args.Int("conversations", 20_000);
        var warmup = args.Int("warmup", 2_000);
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var dialogState = state.CreateProperty<DialogState>("DialogState");
        var dialog = BuildDialog();
        var completed = 0;

        async Task Turn(ITurnContext turn, CancellationToken ct)
        {
            var result = await dialog.RunAsync(turn, dialogState, ct);
            await state.SaveChangesAsync(turn, false, ct);
            if (result.Status == DialogTurnStatus.Complete)
                completed++;
        }

        var activities = new Activity[Script.Length];
        // A fresh adapter per conversation: TestAdapter records every activity it sends (for assertions),
        // which a real channel adapter does not; one adapter for the whole run would grow the heap throughout.
        async Task Converse(int n)
        {
            var adapter = new TestAdapter("bench");
            adapter.Conversation.Locale = "de-DE";
            adapter.Conversation.Conversation = new ConversationAccount("c" + n);
            for (var i = 0; i < Script.Length; i++)
                activities[i] = adapter.MakeActivity(Script[i]);
            foreach (var activity in activities)
                await adapter.ProcessActivityAsync(activity, Turn, cancellationToken);
        }

        for (var n = 0; n < warmup; n++)
            await Converse(-n - 1);
        completed = 0;
        GC.Collect();

        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();
        for (var n = 0; n < conversations; n++)
            await Converse(n);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;

        var turns = (long)conversations * Script.Length;
        if (completed != conversations)
            throw new InvalidOperationException($"Only {completed} of {conversations} conversations completed.");
        Report.Line(Name, new
        {
            conversations,
            turns,
            turns_per_sec = Math.Round(turns / stopwatch.Elapsed.TotalSeconds),
            // Turns per second of CPU time this process got: the one-core rate on a machine shared with other work.
            turns_per_cpu_sec = Math.Round(turns / cpu.TotalSeconds),
            bytes_allocated_per_turn = allocated / turns,
            peak_memory_mb = Report.PeakMemoryMb(),
        });
    }

    private static ComponentDialog BuildDialog()
    {
        var component = new ComponentDialog("main");
        component.AddDialog(new WaterfallDialog("flow",
        [
            (step, ct) => step.PromptAsync("text", Ask("name?"), ct),
            (step, ct) => { step.Values["name"] = step.Result; return step.PromptAsync("amount", Ask("amount?"), ct); },
            (step, ct) => step.PromptAsync("choice", new PromptOptions { Prompt = Activity.CreateMessage("how?"), Choices = [new("transfer"), new("card"), new("cash")] }, ct),
            (step, ct) => step.PromptAsync("confirm", Ask("sure?"), ct),
            (step, ct) => step.PromptAsync("date", Ask("when?"), ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]));
        component.AddDialog(new TextPrompt("text"));
        component.AddDialog(new NumberPrompt<decimal>("amount"));
        component.AddDialog(new ChoicePrompt("choice"));
        component.AddDialog(new ConfirmPrompt("confirm"));
        component.AddDialog(new DatePrompt("date", TimeProvider.System));
        return component;
    }

    private static PromptOptions Ask(string text) => new() { Prompt = Activity.CreateMessage(text), RetryPrompt = Activity.CreateMessage("again: " + text), MaxAttempts = 3 };
}
