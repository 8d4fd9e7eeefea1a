using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// Hardship (job loss, illness, a crisis): an empathetic reply without any pressure, dunning paused on every open
/// invoice for <see cref="HardshipOptions.PauseDays"/>, a priority escalation (<see cref="EscalationReason.Hardship"/>)
/// with the debtor's words, and the promise that a person will look for a solution by a stated time.
/// Wording: <c>dialogs/hardship.*.yaml</c>.
/// </summary>
public sealed class HardshipDialog : CaseDialog
{
    private readonly HardshipOptions options;

    public HardshipDialog(CaseDialogServices services, IOptions<HardshipOptions> options)
        : base(nameof(HardshipDialog), "hardship", services)
    {
        this.options = options.Value;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [PauseAndEscalateStepAsync]));
    }

    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.Hardship };

    private async Task<DialogTurnResult> PauseAndEscalateStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var debtor = DebtorOf(step.Context);
        var understood = step.GetOptions<MessageUnderstanding>() ?? Understand(step.Context);
        var numbers = (await OpenInvoicesAsync(step.Context, understood.InvoiceNumbers, cancellationToken)).Select(i => i.Number).ToList();
        var words = WordsOf(step.Context);
        var until = Services.Clock.GetUtcNow().AddDays(options.PauseDays);
        await PauseAsync(numbers, "hardship: a person is looking for a solution", until, cancellationToken);
        await RecordAsync(debtor.Id, CaseActionKinds.Hardship, $"Hardship: {words}", numbers, cancellationToken);
        var escalation = await Services.Desk.RaiseAsync(debtor.Id, EscalationReason.Hardship, words, numbers,
            TurnSession.Of(step.Context).Link.Key, cancellationToken);
        await SayAsync(step.Context, "understood", new { respond_when = AnswerTime(step.Context, escalation) }, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
