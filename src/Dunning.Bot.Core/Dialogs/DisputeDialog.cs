using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// A dispute: asks which invoice when several are open and the message names none, collects what is wrong in the
/// debtor's own words when the message did not say (fewer than <see cref="DisputeOptions.MinReasonWords"/> words), marks
/// the invoice disputed with those words (which stops dunning), escalates (<see cref="EscalationReason.Dispute"/>) and
/// tells the debtor what happens next and by when, in their time zone. Wording: <c>dialogs/dispute.*.yaml</c>.
/// </summary>
public sealed class DisputeDialog : CaseDialog
{
    private const string InvoicePromptId = "dispute.invoice";
    private const string ReasonPromptId = "dispute.reason";

    private readonly DisputeOptions options;

    public DisputeDialog(CaseDialogServices services, IOptions<DisputeOptions> options)
        : base(nameof(DisputeDialog), "dispute", services)
    {
        this.options = options.Value;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [AskInvoiceStepAsync, AskReasonStepAsync, DisputeStepAsync]));
        AddDialog(new ChoicePrompt(InvoicePromptId) { Style = ListStyle.SuggestedAction });
        AddDialog(new TextPrompt(ReasonPromptId));
    }

    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.Dispute };

    private async Task<DialogTurnResult> AskInvoiceStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var understood = step.GetOptions<MessageUnderstanding>() ?? Understand(step.Context);
        var invoices = await OpenInvoicesAsync(step.Context, understood.InvoiceNumbers, cancellationToken);
        var numbers = invoices.Select(i => i.Number).ToList();
        step.Values["invoices"] = numbers;
        var words = WordsOf(step.Context);
        step.Values["words"] = words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= options.MinReasonWords ? words : null;
        if (numbers.Count <= 1)
            return await step.NextAsync(null, cancellationToken);
        List<Choice> choices = [.. numbers.Select(n => new Choice(n)), new Choice(Button(step.Context, "all_invoices"))];
        return await step.PromptAsync(InvoicePromptId, Ask(step.Context, "ask_invoice", "ask_invoice_again", choices: choices), cancellationToken);
    }

    private async Task<DialogTurnResult> AskReasonStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var numbers = step.Values.GetValue<List<string>>("invoices") ?? [];
        if (step.Result is FoundChoice { } choice && choice.Index < numbers.Count)
            step.Values["invoices"] = new List<string> { numbers[choice.Index] };
        return step.Values.GetValue<string>("words") is { } words
            ? await step.NextAsync(words, cancellationToken)
            : await step.PromptAsync(ReasonPromptId, Ask(step.Context, "ask_reason", "ask_reason"), cancellationToken);
    }

    private async Task<DialogTurnResult> DisputeStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var debtor = DebtorOf(step.Context);
        var numbers = step.Values.GetValue<List<string>>("invoices") ?? [];
        var reason = step.Result is string text && !string.IsNullOrWhiteSpace(text) ? Cut(text) : "(no reason given)";
        foreach (var number in numbers)
            await Services.Invoices.UpdateAsync(number, i => i.MarkDisputed(reason), cancellationToken);
        await RecordAsync(debtor.Id, CaseActionKinds.Dispute, $"Disputed: {reason}", numbers, cancellationToken);
        var escalation = await Services.Desk.RaiseAsync(debtor.Id, EscalationReason.Dispute, reason, numbers,
            TurnSession.Of(step.Context).Link.Key, cancellationToken);
        await SayAsync(step.Context, "passed_on", new
        {
            invoices = ClaimPaidDialog.Numbers(numbers),
            respond_when = AnswerTime(step.Context, escalation),
        }, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }

    private static string Cut(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > MaxWordsLength ? trimmed[..MaxWordsLength] + "…" : trimmed;
    }
}
