using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// Deferrals, instalment plans and promises to pay, within <see cref="NegotiationLimits"/> for the debtor's open,
/// undisputed invoices (one currency); the amount is always the whole open claim from the debtor's statement. Asks for
/// what is missing (the date; the number of instalments or the amount per instalment). Terms within the limits are
/// stated in full and recorded only when the debtor confirms them ("Soll ich das so festhalten?"); a confirmed
/// agreement supersedes the one in force for the same invoices. Beyond the limits the debtor gets concrete
/// counter-offers as buttons (the closest terms, the other kind of deal, and the early-payment discount when the ladder
/// stage allows it) plus "ask a colleague"; refusing them, asking for a colleague there, or anything needing approval
/// stores the request as a proposal for staff and tells the debtor by when to expect an answer. A new request with
/// details while the confirmation is open starts over with it. Wording: <c>dialogs/negotiation.*.yaml</c>.
/// </summary>
public sealed partial class NegotiationDialog : CaseDialog
{
    private const string DatePromptId = "negotiation.date";
    private const string PlanPromptId = "negotiation.plan";
    private const string OfferPromptId = "negotiation.offer";
    private const string ConfirmPromptId = "negotiation.confirm";
    private const string StatementKey = "Dunning.Negotiation.Statement";

    /// <summary>A bare number up to this (no currency, no fraction) answers "how many instalments"; above, it is an amount.</summary>
    private const int LargestPlausibleCount = 36;

    private readonly NegotiationLimits limits;
    private readonly AgreementDesk agreements;

    public NegotiationDialog(CaseDialogServices services, NegotiationLimits limits, AgreementDesk agreements)
        : base(nameof(NegotiationDialog), "negotiation", services)
    {
        this.limits = limits;
        this.agreements = agreements;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [AskDetailsStepAsync, EvaluateStepAsync, DecideOfferStepAsync, RecordStepAsync]));
        AddDialog(new DatePrompt(DatePromptId, services.Clock, ValidateDateAsync, new UnderstandingDateRecognizer(services.Recognizer)));
        AddDialog(new NumberPrompt<decimal>(PlanPromptId, ValidatePlanAsync, new UnderstandingNumberRecognizer(services.Recognizer, services.Clock)));
        AddDialog(new ChoicePrompt(OfferPromptId, ValidateOfferAsync) { Style = ListStyle.SuggestedAction });
        AddDialog(new ConfirmPrompt(ConfirmPromptId) { Style = ListStyle.SuggestedAction });
    }

    public override IReadOnlySet<Intent> Handles { get; } = new HashSet<Intent> { Intent.RequestDeferral, Intent.RequestInstalments, Intent.PromiseToPay };

    /// <summary>While counter-offers are on the table, "ask a colleague" (or any request for a person) passes the request on, with its terms.</summary>
    protected override bool AnswersWhileWaitingOn(string waitingOn, Intent intent) => waitingOn == OfferPromptId && intent == Intent.RequestHuman;

    private async Task<DialogTurnResult> AskDetailsStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var understood = step.GetOptions<MessageUnderstanding>() ?? Understand(step.Context);
        var open = await NegotiableAsync(step.Context, understood.InvoiceNumbers, cancellationToken);
        if (open.Count == 0)
        {
            await SayAsync(step.Context, "nothing_open", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        step.Values["invoices"] = open.Select(i => i.Number).ToList();
        step.Values["promise"] = understood.Intent == Intent.PromiseToPay;
        var instalments = understood.Intent == Intent.RequestInstalments;
        step.Values["instalments"] = instalments;
        if (!instalments)
        {
            return understood.Date is { } date
                ? await step.NextAsync(date, cancellationToken)
                : await step.PromptAsync(DatePromptId, Ask(step.Context, "ask_date", "ask_date_again"), cancellationToken);
        }
        step.Values["date"] = understood.Date;
        var claim = DebtorStatement.TotalsByCurrency(open).Single().Amount;
        decimal? per = understood.Amount is { } amount && amount < claim ? amount : null;
        return understood.Instalments is { } count
            ? await step.NextAsync(new InstalmentCount(count), cancellationToken)
            : per is { } each
                ? await step.NextAsync(new AmountPerInstalment(each), cancellationToken)
                : await step.PromptAsync(PlanPromptId, Ask(step.Context, "ask_plan", "ask_plan_again"), cancellationToken);
    }

    private async Task<DialogTurnResult> EvaluateStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptAttemptsExhausted)
        {
            await SayAsync(step.Context, "no_details", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        var context = await ContextAsync(step, cancellationToken);
        if (context is null)
        {
            await SayAsync(step.Context, "nothing_open", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        step.Values["claim"] = context.Settle().Amount;
        var (outcome, requested) = step.Values.GetValue<bool>("instalments")
            ? EvaluateInstalments(step.Result, step.Values.GetValue<DateOnly?>("date"), context)
            : EvaluateDeferral((DateOnly)step.Result!, context);
        return await RespondAsync(step, outcome, requested, context, cancellationToken);
    }

    private async Task<DialogTurnResult> DecideOfferStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is WithinLimits within)
            return await AskConfirmationAsync(step, within.Terms, cancellationToken);
        var offers = step.Values.GetValue<List<NegotiationTerms>>("offers") ?? [];
        var picked = step.Result is FoundChoice { } choice && choice.Index < offers.Count ? choice.Index
            : step.Result is null && offers.Count == 1 && Understand(step.Context).Intent == Intent.Affirm ? 0
            : -1;
        if (picked >= 0)
            return await AskConfirmationAsync(step, offers[picked], cancellationToken);
        var reason = step.Values.GetValue<EscalationReason>("escalation");
        var intent = Understand(step.Context).Intent;
        var detail = step.Result is PromptAttemptsExhausted ? "no answer to the counter-offer"
            : step.Result is FoundChoice || intent == Intent.RequestHuman || (intent == Intent.Affirm && offers.Count == 0) ? "the debtor asked for a colleague instead of the counter-offer"
            : "the debtor declined the counter-offer";
        return await ProposeAsync(step, step.Values.GetValue<NegotiationTerms>("requested"), reason,
            $"{detail} ({step.Values.GetValue<string>("why")})", "passed_on", cancellationToken);
    }

    private async Task<DialogTurnResult> RecordStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var terms = step.Values.GetValue<NegotiationTerms>("terms")!;
        if (step.Result is not true)
        {
            await SayAsync(step.Context, step.Result is PromptAttemptsExhausted ? "not_confirmed" : "declined", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        // The claim may have moved since the terms were stated (a payment arrived, another day's interest): never record stale terms.
        var context = await ContextAsync(step, cancellationToken);
        if (context is null || context.Settle().Amount != step.Values.GetValue<decimal>("claim")
            || !context.Invoices.Select(i => i.Number).Order(StringComparer.Ordinal).SequenceEqual((step.Values.GetValue<List<string>>("invoices") ?? []).Order(StringComparer.Ordinal)))
        {
            await SayAsync(step.Context, "changed", null, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
        return await AgreeAsync(step, terms, cancellationToken);
    }

    /// <summary>The open, undisputed invoices the negotiation is about (the named ones, else all; one currency), from this turn's statement.</summary>
    private async Task<List<InvoiceStatement>> NegotiableAsync(ITurnContext turn, IReadOnlyList<string> named, CancellationToken cancellationToken)
    {
        if (turn.TurnState.Get<DebtorStatement>(StatementKey) is not { } statement)
        {
            statement = await agreements.StatementAsync(DebtorOf(turn), cancellationToken);
            turn.TurnState.Set(StatementKey, statement);
        }
        var open = statement.Open.Where(i => !i.Invoice.IsDisputed && i.Due.IsPositive).ToList();
        var picked = open.Where(i => named.Contains(i.Number, StringComparer.OrdinalIgnoreCase)).ToList();
        if (picked.Count > 0)
            open = picked;
        return open.Count == 0 ? open : [.. open.Where(i => i.Due.Currency == open[0].Due.Currency)];
    }

    /// <summary>The negotiation context for the invoices this negotiation is about, as of this turn; null when none is open any more.</summary>
    private async Task<NegotiationContext?> ContextAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var open = await NegotiableAsync(step.Context, step.Values.GetValue<List<string>>("invoices") ?? [], cancellationToken);
        return open.Count == 0 ? null : await agreements.ContextAsync(DebtorOf(step.Context), open, Today(step.Context), cancellationToken);
    }

    private Task<bool> ValidateDateAsync(PromptValidatorContext<DateOnly> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value >= Today(prompt.Context) && prompt.Recognized.Value <= Today(prompt.Context).AddYears(5));

    private static Task<bool> ValidatePlanAsync(PromptValidatorContext<decimal> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value is >= 2m and < 1_000_000_000m);

    /// <summary>
    /// A button, an offer's number, "no" or a request for a person (ask a colleague) or "yes" — with one offer it takes
    /// the offer, with none it answers "shall I ask a colleague?".
    /// </summary>
    private Task<bool> ValidateOfferAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken)
    {
        var intent = Understand(prompt.Context).Intent;
        return Task.FromResult(prompt.Recognized.Succeeded || intent is Intent.Deny or Intent.RequestHuman || (intent == Intent.Affirm && prompt.Options.Choices?.Count <= 2));
    }

    /// <summary>The first message named an amount per instalment ("100 euros a month").</summary>
    private sealed record AmountPerInstalment(decimal Amount);

    /// <summary>The first message named a number of instalments ("in 3 Raten").</summary>
    private sealed record InstalmentCount(int Count);

    /// <summary>The request is within the limits as these terms: they go to the debtor for confirmation.</summary>
    private sealed record WithinLimits(NegotiationTerms Terms);
}
