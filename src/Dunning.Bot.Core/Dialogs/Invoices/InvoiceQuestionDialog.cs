using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs.Invoices;

/// <summary>
/// The shared script of the invoice questions: work out which of the debtor's invoices the question is about, then
/// answer. Numbers the debtor names are looked up among the bound debtor's own invoices only; any other number —
/// another debtor's or one that does not exist — gets the same "not found" reply, so nothing leaks. Without a
/// named invoice the answer covers every open invoice, or, for <see cref="AboutOneInvoice"/> questions with several
/// open invoices, the debtor picks one with buttons. Wording: <c>dialogs/invoice.*.yaml</c>.
/// </summary>
public abstract class InvoiceQuestionDialog : IntentDialog
{
    /// <summary>The dialog name of the wording files.</summary>
    public const string WordingDialog = "invoice";

    private const string ChoosePrompt = "chooseInvoice";
    private const int ChooseAttempts = 2;

    protected InvoiceQuestionDialog(string dialogId, InvoiceStatements statements, Wording wording)
        : base(dialogId)
    {
        Statements = statements;
        Wording = wording;
        AddDialog(new WaterfallDialog(dialogId + ".steps", [SelectInvoicesStepAsync, AnswerStepAsync]));
        AddDialog(new ChoicePrompt(ChoosePrompt) { Style = ListStyle.SuggestedAction });
    }

    protected InvoiceStatements Statements { get; }

    protected Wording Wording { get; }

    /// <summary>True when the answer needs exactly one invoice (details, copy).</summary>
    protected abstract bool AboutOneInvoice { get; }

    /// <summary>Answers for the selected invoices (the debtor's own, re-checked this turn; never empty).</summary>
    protected abstract Task AnswerAsync(ITurnContext turn, DebtorStatement statement, IReadOnlyList<InvoiceStatement> selected, CancellationToken cancellationToken);

    /// <summary>Says <paramref name="key"/> from the invoice wording.</summary>
    protected Task SayAsync(ITurnContext turn, string key, object? model, CancellationToken cancellationToken, IReadOnlyList<string>? buttons = null) =>
        Wording.SayAsync(turn, WordingDialog, key, model, cancellationToken, buttons);

    private async Task<DialogTurnResult> SelectInvoicesStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (TurnSession.Of(step.Context).Debtor is not { } debtor)
            return await step.EndDialogAsync(null, cancellationToken);
        var statement = await StatementAsync(step.Context, debtor, cancellationToken);
        var named = step.GetOptions<MessageUnderstanding>()?.InvoiceNumbers ?? [];
        var found = named.Select(statement.Find).OfType<InvoiceStatement>().DistinctBy(i => i.Number).ToList();
        var unknown = named.Where(n => statement.Find(n) is null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
            await SayAsync(step.Context, "unknown_invoice", new { numbers = unknown, count = unknown.Count }, cancellationToken);
        if (found.Count > 0 && !(AboutOneInvoice && found.Count > 1))
            return await step.NextAsync(found.Select(i => i.Number).ToArray(), cancellationToken);

        var candidates = found.Count > 1 ? found : statement.Open;
        if (candidates.Count == 0)
        {
            await SayAsync(step.Context, "no_open_invoices", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        if (!AboutOneInvoice || candidates.Count == 1)
            return await step.NextAsync(candidates.Select(i => i.Number).ToArray(), cancellationToken);
        return await step.PromptAsync(ChoosePrompt, ChooseOptions(step.Context, candidates), cancellationToken);
    }

    private async Task<DialogTurnResult> AnswerStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptAttemptsExhausted)
        {
            await SayAsync(step.Context, "choice_given_up", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var numbers = step.Result switch
        {
            FoundChoice choice => [choice.Value],
            string[] list => list,
            _ => [],
        };
        // Re-check against the binding: a button press is text the client sent back (and comes in a later turn, so
        // the statement is read afresh then; within one turn the statement of the first step is reused).
        if (TurnSession.Of(step.Context).Debtor is not { } debtor)
            return await step.EndDialogAsync(null, cancellationToken);
        var statement = await StatementAsync(step.Context, debtor, cancellationToken);
        var selected = numbers.Select(statement.Find).OfType<InvoiceStatement>().ToList();
        if (selected.Count == 0)
            await SayAsync(step.Context, "no_open_invoices", null, cancellationToken);
        else
            await AnswerAsync(step.Context, statement, selected, cancellationToken);
        return await step.EndDialogAsync(selected.Select(i => i.Number).ToArray(), cancellationToken);
    }

    /// <summary>The debtor's statement, read once per turn.</summary>
    private Task<DebtorStatement> StatementAsync(ITurnContext turn, Domain.Debtor debtor, CancellationToken cancellationToken) =>
        Statements.StatementAsync(turn, debtor, cancellationToken);

    private PromptOptions ChooseOptions(ITurnContext turn, IReadOnlyList<InvoiceStatement> candidates) => new()
    {
        Prompt = Activity.CreateMessage(Wording.Text(turn, WordingDialog, "which_invoice", new { invoices = InvoiceModel.For(candidates) })),
        RetryPrompt = Activity.CreateMessage(Wording.Text(turn, WordingDialog, "which_invoice_retry", new { invoices = InvoiceModel.For(candidates) })),
        Choices = [.. candidates.Select(i => new Choice(i.Number))],
        MaxAttempts = ChooseAttempts,
    };
}
