using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

public sealed partial class NegotiationLimits
{
    /// <summary>
    /// An instalment plan. Accepted when the count, each amount, the first date and the plan's length are within the
    /// limits. Otherwise the counter-offer keeps what the debtor asked for as far as possible: the first date moves to the
    /// latest allowed one, the count drops to the largest that fits (reason: the limit that binds), and a deferral to the
    /// latest allowed date is the alternative. A plan of fewer than 2 instalments is a single payment (Refuse with the
    /// deferral as alternative).
    /// </summary>
    public NegotiationOutcome EvaluateInstalments(InstalmentRequest request, NegotiationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var amount = context.Settle();
        var limits = LimitsFor(context);
        var today = context.Today;
        var workingDay = WorkingDays(context);
        var latestFirst = today.AddDays(limits.FirstInstalmentWithinDays);
        var askedFirst = request.FirstDueDate ?? latestFirst;
        var fallback = limits.MaxDeferralDays > 0 ? Deferral(amount, workingDay(LatestDeferral(context, limits))) : null;

        if (request.Count is < 1 or > MaxRequestedInstalments || request.AmountPerInstalment is { } per && (per <= 0m || per > amount.Amount * MaxRequestedInstalments))
            return new NegotiationOutcome.Refuse("invalid_request", null);
        var askedCount = request.Count ?? (request.AmountPerInstalment is { } each
            ? (int)Math.Min(MaxRequestedInstalments, Math.Ceiling(amount.Amount / each))
            : MaxCount(amount, Min(askedFirst, latestFirst), today, limits, workingDay).Count);
        var requested = askedCount >= 2 ? new NegotiationTerms(AgreementKind.InstalmentPlan, amount.Currency, Split(amount, askedCount, askedFirst, limits.InstalmentEveryMonths, workingDay)) : null;
        if (Gate(amount, context, limits, () => requested) is { } gated)
            return gated;
        if (askedFirst < today)
            return new NegotiationOutcome.Refuse("date_in_past", null);
        if (limits.MaxInstalments < 2)
            return new NegotiationOutcome.Refuse("instalments_not_offered", fallback);
        if (askedCount < 2)
            return new NegotiationOutcome.Refuse("single_payment", fallback);

        string? reason = null;
        var first = askedFirst;
        if (workingDay(first) > workingDay(latestFirst))
            (first, reason) = (latestFirst, "first_instalment_too_late");
        var (fit, binding) = MaxCount(amount, first, today, limits, workingDay);
        if (fit < 2)
            return new NegotiationOutcome.Refuse(binding == "plan_too_long" ? "plan_too_long" : "balance_too_small_for_instalments", fallback);
        var count = askedCount;
        if (count > fit)
            (count, reason) = (fit, reason ?? binding);
        var terms = new NegotiationTerms(AgreementKind.InstalmentPlan, amount.Currency, Split(amount, count, first, limits.InstalmentEveryMonths, workingDay));
        return reason is null
            ? new NegotiationOutcome.Accept(terms)
            : new NegotiationOutcome.CounterOffer(terms, fallback, reason);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
