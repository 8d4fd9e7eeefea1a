using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

public sealed partial class NegotiationDialog
{
    private (NegotiationOutcome Outcome, NegotiationTerms? Requested) EvaluateDeferral(DateOnly date, NegotiationContext context)
    {
        var amount = context.Settle();
        return (limits.EvaluateDeferral(date, context), new NegotiationTerms(AgreementKind.Deferral, amount.Currency, [new Instalment(date, amount.Amount)]));
    }

    private (NegotiationOutcome Outcome, NegotiationTerms? Requested) EvaluateInstalments(object? answer, DateOnly? first, NegotiationContext context)
    {
        var (count, per) = answer switch
        {
            InstalmentCount c => (c.Count, (decimal?)null),
            AmountPerInstalment a => ((int?)null, a.Amount),
            decimal n when n == decimal.Floor(n) && n <= LargestPlausibleCount => ((int?)(int)n, (decimal?)null),
            decimal n => (null, n),
            _ => (null, null),
        };
        var outcome = limits.EvaluateInstalments(new InstalmentRequest(count, per, first), context);
        if (outcome is NegotiationOutcome.NeedsApproval { Requested: { } asked })
            return (outcome, asked);
        var amount = context.Settle();
        var asCount = count ?? (per is { } each and > 0m ? (int)Math.Min(1000m, Math.Ceiling(amount.Amount / each)) : 0);
        var effective = limits.LimitsFor(context);
        var requested = asCount is >= 2 and <= 1000
            ? new NegotiationTerms(AgreementKind.InstalmentPlan, amount.Currency,
                NegotiationLimits.Split(amount, asCount, first ?? context.Today.AddDays(effective.FirstInstalmentWithinDays), effective.InstalmentEveryMonths))
            : null;
        return (outcome, requested);
    }

    private async Task<DialogTurnResult> RespondAsync(WaterfallStepContext step, NegotiationOutcome outcome, NegotiationTerms? requested,
        NegotiationContext context, CancellationToken cancellationToken)
    {
        var effective = limits.LimitsFor(context);
        object Explain(int offers) => new
        {
            offers,
            why = outcome.Reason,
            requested_date = requested?.Kind == AgreementKind.Deferral ? requested.LastDueDate : (DateOnly?)null,
            max_deferral_days = effective.MaxDeferralDays,
            max_instalments = effective.MaxInstalments,
            min_instalment = new Money(effective.MinInstalmentAmount, context.Settle().Currency),
            max_plan_days = effective.MaxPlanDays,
            first_within_days = effective.FirstInstalmentWithinDays,
        };
        List<NegotiationTerms?> offers;
        EscalationReason escalation;
        switch (outcome)
        {
            case NegotiationOutcome.Accept accept:
                return await step.NextAsync(new WithinLimits(accept.Terms), cancellationToken);
            case NegotiationOutcome.NeedsApproval approval:
                return await ProposeAsync(step, approval.Requested ?? requested, EscalationReason.ApprovalRequired,
                    $"needs approval ({approval.Why})", "needs_approval", cancellationToken, approval.Why);
            case NegotiationOutcome.Refuse { Why: "nothing_open" }:
                await SayAsync(step.Context, "nothing_open", null, cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case NegotiationOutcome.Refuse { Why: "date_in_past" or "invalid_request" }:
                await SayAsync(step.Context, "explain", Explain(0), cancellationToken);
                var understood = step.GetOptions<MessageUnderstanding>() ?? Understand(step.Context);
                return await step.ReplaceDialogAsync(nameof(WaterfallDialog), understood with { Date = null, Instalments = null, Amount = null }, cancellationToken);
            case NegotiationOutcome.CounterOffer counter:
                (offers, escalation) = ([counter.Offer, counter.Alternative], EscalationReason.CounterOfferRefused);
                break;
            case NegotiationOutcome.Refuse refuse:
                (offers, escalation) = ([refuse.Alternative], EscalationReason.BeyondLimits);
                break;
            default:
                throw new InvalidOperationException($"Unknown negotiation outcome {outcome.GetType().Name}.");
        }
        if (limits.EvaluateDiscount(null, context) is NegotiationOutcome.Accept discount)
            offers.Add(discount.Terms);
        var shown = offers.OfType<NegotiationTerms>().ToList();
        step.Values["offers"] = shown;
        step.Values["requested"] = requested;
        step.Values["escalation"] = escalation;
        step.Values["why"] = outcome.Reason;
        List<Choice> choices = [.. shown.Select(o => new Choice(Label(step.Context, o, context))), new Choice(Button(step.Context, "ask_person"))];
        return await step.PromptAsync(OfferPromptId, Ask(step.Context, "explain", "choose_again", Explain(shown.Count), choices), cancellationToken);
    }

    private string Label(ITurnContext turn, NegotiationTerms terms, NegotiationContext context)
    {
        var text = Services.Wording;
        var currency = terms.Currency;
        return terms.Kind switch
        {
            AgreementKind.Deferral => text.Text(turn, WordingDialog, "offer_deferral", new
            {
                date = terms.LastDueDate,
                days = terms.LastDueDate.DayNumber - (context.CurrentDeadline > context.Today ? context.CurrentDeadline : context.Today).DayNumber,
            }),
            AgreementKind.InstalmentPlan => text.Text(turn, WordingDialog, "offer_instalments", new
            {
                count = terms.Schedule.Count,
                each = new Money(terms.Schedule[0].Amount, currency),
                first_date = terms.Schedule[0].DueDate,
            }),
            _ => text.Text(turn, WordingDialog, "offer_discount", new { percent = terms.DiscountPercent ?? 0m, amount = terms.Amount, until = terms.LastDueDate }),
        };
    }

    private async Task<DialogTurnResult> ProposeAsync(WaterfallStepContext step, NegotiationTerms? requested, EscalationReason reason,
        string detail, string key, CancellationToken cancellationToken, string? why = null)
    {
        var numbers = step.Values.GetValue<List<string>>("invoices") ?? [];
        var escalation = await agreements.ProposeAsync(DebtorOf(step.Context), requested, numbers, reason, detail,
            TurnSession.Of(step.Context).Link.Key, cancellationToken);
        await SayAsync(step.Context, key, new
        {
            why = why ?? step.Values.GetValue<string>("why"),
            respond_when = AnswerTime(step.Context, escalation),
        }, cancellationToken);
        return await step.EndDialogAsync(null, cancellationToken);
    }
}
