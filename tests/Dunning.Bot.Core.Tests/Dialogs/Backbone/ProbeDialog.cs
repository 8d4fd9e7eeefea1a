using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>A stand-in for the negotiation helpers' dialogs: asks one question, then confirms the answer.</summary>
public sealed class ProbeDialog : IntentDialog
{
    public const string Question = "probe: which date?";

    public ProbeDialog()
        : base("probe")
    {
        AddDialog(new WaterfallDialog("probe.steps", [AskStepAsync, ConfirmStepAsync]));
        AddDialog(new TextPrompt("probe.text"));
    }

    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.RequestDeferral };

    public static string Confirmation(string answer) => $"probe: got {answer}";

    private static Task<DialogTurnResult> AskStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync("probe.text", new PromptOptions { Prompt = Conversations.Activity.CreateMessage(Question) }, cancellationToken);

    private static async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(Confirmation((string)step.Result!), cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
