using System.Globalization;
using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// "I have already paid": thanks the debtor and never argues. Asks for the payment date and amount when the message
/// had none (three tries each, then goes on without), pauses dunning on the open invoices the message is about for
/// <see cref="PaymentClaimOptions.PaymentClaimPauseDays"/>, records the claim and asks staff to verify it
/// (<see cref="EscalationReason.ClaimedPaid"/>). Then it asks for the transfer confirmation (see ClaimPaidDialog.Proof.cs);
/// files sent with the first message are kept at once. Wording: <c>dialogs/payment_claim.*.yaml</c>.
/// </summary>
public sealed partial class ClaimPaidDialog : CaseDialog
{
    private const string DatePromptId = "payment_claim.date";
    private const string AmountPromptId = "payment_claim.amount";

    private readonly PaymentClaimOptions options;
    private readonly IPaymentProofs proofs;

    public ClaimPaidDialog(CaseDialogServices services, IOptions<PaymentClaimOptions> options, IPaymentProofs proofs)
        : base(nameof(ClaimPaidDialog), "payment_claim", services)
    {
        this.options = options.Value;
        this.proofs = proofs ?? throw new ArgumentNullException(nameof(proofs));
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [ThankStepAsync, AskAmountStepAsync, PauseAndEscalateStepAsync, FinishStepAsync]));
        AddDialog(new WaterfallDialog(ProofId, [AskProofStepAsync, ReceiveProofStepAsync]));
        AddDialog(new DatePrompt(DatePromptId, services.Clock, ValidatePaymentDateAsync, new UnderstandingDateRecognizer(services.Recognizer)));
        AddDialog(new NumberPrompt<decimal>(AmountPromptId, ValidateAmountAsync, new UnderstandingNumberRecognizer(services.Recognizer, services.Clock)));
    }

    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.ClaimPaid };

    private async Task<DialogTurnResult> ThankStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var understood = step.GetOptions<MessageUnderstanding>() ?? Understand(step.Context);
        var invoices = await OpenInvoicesAsync(step.Context, understood.InvoiceNumbers, cancellationToken);
        if (invoices.Count == 0)
        {
            await SayAsync(step.Context, "nothing_open", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        step.Values["invoices"] = invoices.Select(i => i.Number).ToList();
        step.Values["amount"] = understood.Amount;
        step.Values["currency"] = invoices[0].Currency;
        await SayAsync(step.Context, "thanks", new { invoices = Numbers(invoices.Select(i => i.Number)) }, cancellationToken);
        if (proofs.FilesIn(step.Context) > 0)
            step.Values["proof"] = await KeepProofAsync(step.Context, new ProofWait([.. invoices.Select(i => i.Number)], null, 0), cancellationToken) is null;
        return understood.Date is { } date
            ? await step.NextAsync(date, cancellationToken)
            : await step.PromptAsync(DatePromptId, Ask(step.Context, "ask_date", "ask_date_again"), cancellationToken);
    }

    private async Task<DialogTurnResult> AskAmountStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["date"] = step.Result is DateOnly date ? date : null;
        return step.Values.GetValue<decimal?>("amount") is { } amount
            ? await step.NextAsync(amount, cancellationToken)
            : await step.PromptAsync(AmountPromptId, Ask(step.Context, "ask_amount", "ask_amount_again"), cancellationToken);
    }

    private async Task<DialogTurnResult> PauseAndEscalateStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var debtor = DebtorOf(step.Context);
        var numbers = step.Values.GetValue<List<string>>("invoices") ?? [];
        var paidOn = step.Values.GetValue<DateOnly?>("date");
        decimal? amount = step.Result is decimal value ? value : null;
        var now = Services.Clock.GetUtcNow();
        var until = now.AddDays(options.PaymentClaimPauseDays);

        var claim = "claimed paid"
            + (amount is { } a ? " " + a.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty)
            + (paidOn is { } d ? $" on {d:yyyy-MM-dd}" : string.Empty);
        await PauseAsync(numbers, claim, until, cancellationToken);
        await RecordAsync(debtor.Id, CaseActionKinds.ClaimedPaid, $"Debtor says: {claim}", numbers, cancellationToken);
        var escalation = await Services.Desk.RaiseAsync(debtor.Id, EscalationReason.ClaimedPaid, $"{claim}: please verify the payment",
            numbers, TurnSession.Of(step.Context).Link.Key, cancellationToken);

        await SayAsync(step.Context, "checking", new
        {
            invoices = Numbers(numbers),
            paid_on = paidOn,
            amount = amount is { } paid ? new Money(paid, step.Values.GetValue<string>("currency") ?? "EUR") : (Money?)null,
            paused_until = Local(step.Context, until),
            respond_when = AnswerTime(step.Context, escalation),
        }, cancellationToken);
        if (!options.AskForProof || step.Values.GetValue<bool>("proof"))
            return await step.EndDialogAsync(null, cancellationToken);
        return await step.BeginDialogAsync(ProofId, new ProofWait(numbers, escalation.Id, 0), cancellationToken);
    }

    /// <summary>The proof question ended: with nothing, or with an <see cref="Interruption"/> for MainDialog to route.</summary>
    private static Task<DialogTurnResult> FinishStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result as Interruption, cancellationToken);

    private Task<bool> ValidatePaymentDateAsync(PromptValidatorContext<DateOnly> prompt, CancellationToken cancellationToken)
    {
        var today = Today(prompt.Context);
        return Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value <= today && prompt.Recognized.Value >= today.AddYears(-2));
    }

    private static Task<bool> ValidateAmountAsync(PromptValidatorContext<decimal> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value is > 0m and < 1_000_000_000m);

    /// <summary>Invoice numbers as one list for a sentence ("RE-1, RE-2").</summary>
    internal static string Numbers(IEnumerable<string> numbers) => string.Join(", ", numbers);
}
