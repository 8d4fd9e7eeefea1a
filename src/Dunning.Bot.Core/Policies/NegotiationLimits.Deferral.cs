using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

public sealed partial class NegotiationLimits
{
    /// <summary>
    /// A deferral to <paramref name="requestedDate"/>: accepted up to <see cref="EffectiveLimits.MaxDeferralDays"/> after the
    /// current deadline (or after today when that deadline has passed); beyond it, a counter-offer of the latest allowed
    /// date, with an instalment plan reaching towards the requested date as the alternative.
    /// </summary>
    public NegotiationOutcome EvaluateDeferral(DateOnly requestedDate, NegotiationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var amount = context.Settle();
        var limits = LimitsFor(context);
        var workingDay = WorkingDays(context);
        var requested = Deferral(amount, workingDay(requestedDate));
        if (Gate(amount, context, limits, () => requested) is { } gated)
            return gated;
        if (requestedDate < context.Today)
            return new NegotiationOutcome.Refuse("date_in_past", null);
        var alternative = InstalmentsReaching(amount, requestedDate, context.Today, limits, workingDay);
        if (limits.MaxDeferralDays <= 0)
            return new NegotiationOutcome.Refuse("deferral_not_offered", alternative);
        var latest = workingDay(LatestDeferral(context, limits));
        return requested.LastDueDate <= latest
            ? new NegotiationOutcome.Accept(requested)
            : new NegotiationOutcome.CounterOffer(Deferral(amount, latest), alternative, "deferral_too_long");
    }

    private static DateOnly LatestDeferral(NegotiationContext context, EffectiveLimits limits) =>
        Max(context.CurrentDeadline, context.Today).AddDays(limits.MaxDeferralDays);

    private static NegotiationTerms Deferral(Money amount, DateOnly date) =>
        new(AgreementKind.Deferral, amount.Currency, [new Instalment(date, amount.Amount)]);

    /// <summary>
    /// The alternative plan offered instead of a deferral: first instalment at the latest allowed first date, as many
    /// instalments as it takes to reach <paramref name="target"/> (at least 2), capped by the limits; null when no plan fits.
    /// </summary>
    private static NegotiationTerms? InstalmentsReaching(Money amount, DateOnly target, DateOnly today, EffectiveLimits limits, Func<DateOnly, DateOnly> workingDay)
    {
        if (limits.MaxInstalments < 2)
            return null;
        var first = today.AddDays(limits.FirstInstalmentWithinDays);
        var (fit, _) = MaxCount(amount, first, today, limits, workingDay);
        if (fit < 2)
            return null;
        var reach = 1;
        while (reach < fit && first.AddMonths(reach * limits.InstalmentEveryMonths) <= target)
            reach++;
        return new NegotiationTerms(AgreementKind.InstalmentPlan, amount.Currency, Split(amount, Math.Max(2, reach), first, limits.InstalmentEveryMonths, workingDay));
    }
}
