using Dunning.Bot.Core.Domain;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// Evaluates a debtor's request for a deferral, an instalment plan or an early-payment discount against the owner's
/// limits (defaults ← debtor override ← invoice override). Every outcome carries exact terms: whole minor units, the
/// instalments add up to the amount exactly (the remainder goes to the last one). Checks in order: nothing open →
/// Refuse; above <see cref="NegotiationLimitsOptions.ApprovalThresholdAmount"/> (strictly) or already
/// <see cref="NegotiationLimitsOptions.MaxAgreementsPerInvoice"/> agreements → NeedsApproval; then the kind's own limits →
/// Accept, CounterOffer (closest terms within the limits, plus an alternative kind when one fits) or Refuse.
/// Every date in the terms is a working day in the debtor's region (<see cref="NegotiationContext.Country"/>; §193 BGB:
/// a day that falls on a weekend or public holiday moves to the next working day, and limits are compared after the move).
/// Pure and thread-safe.
/// </summary>
public sealed partial class NegotiationLimits
{
    private const int MaxRequestedInstalments = 1000;
    private const string DefaultCountry = "DE";
    private readonly NegotiationLimitsOptions options;
    private readonly HolidayCalendar holidays;

    /// <summary>The limits; <paramref name="holidays"/> gives the working days (a fresh calendar when omitted).</summary>
    public NegotiationLimits(IOptions<NegotiationLimitsOptions> options, HolidayCalendar? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = OptionsCheck.Valid(options.Value, o => o.Validate());
        this.holidays = holidays ?? new HolidayCalendar();
    }

    /// <summary>The day itself when it is a working day in the context's region, else the next working day.</summary>
    public DateOnly WorkingDay(DateOnly day, NegotiationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return holidays.WorkingDayOnOrAfter(day, context.Country ?? DefaultCountry, context.State);
    }

    private Func<DateOnly, DateOnly> WorkingDays(NegotiationContext context) => day => WorkingDay(day, context);

    /// <summary>The limits for this debtor, these invoices and this currency (several invoice overrides: the strictest wins).</summary>
    public EffectiveLimits LimitsFor(string debtorId, IReadOnlyList<string> invoiceNumbers, string currency)
    {
        ArgumentNullException.ThrowIfNull(invoiceNumbers);
        var o = options;
        var baseLimits = new EffectiveLimits(o.MaxDeferralDays, o.MaxInstalments,
            o.MinInstalmentAmountByCurrency.TryGetValue(currency, out var min) ? min : o.MinInstalmentAmount,
            o.MaxPlanDays, o.FirstInstalmentWithinDays, o.InstalmentEveryMonths, o.MaxDiscountPercent, o.DiscountValidDays,
            o.DiscountStages, o.MaxAgreementsPerInvoice,
            o.ApprovalThresholdByCurrency.TryGetValue(currency, out var threshold) ? threshold : o.ApprovalThresholdAmount)
        {
            LastOffer = o.LastOffer,
        };
        var debtorLimits = baseLimits.With(o.Overrides.Debtors.GetValueOrDefault(debtorId));
        var perInvoice = invoiceNumbers
            .Select(n => o.Overrides.Invoices.GetValueOrDefault(n))
            .OfType<NegotiationLimitsOverride>()
            .Select(debtorLimits.With)
            .ToList();
        return perInvoice.Count == 0 ? debtorLimits : perInvoice.Aggregate((a, b) => a.Strictest(b));
    }

    /// <summary>The limits for a negotiation context.</summary>
    public EffectiveLimits LimitsFor(NegotiationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LimitsFor(context.DebtorId, [.. context.Invoices.Select(i => i.Number)], context.Settle().Currency);
    }

    /// <summary>Refuse when nothing is open; NeedsApproval above the threshold or past the agreement count; else null.</summary>
    private static NegotiationOutcome? Gate(Money amount, NegotiationContext context, EffectiveLimits limits, Func<NegotiationTerms?> requested)
    {
        if (!amount.IsPositive)
            return new NegotiationOutcome.Refuse("nothing_open", null);
        if (amount.Amount > limits.ApprovalThresholdAmount)
            return new NegotiationOutcome.NeedsApproval("above_threshold", requested());
        if (context.AgreementsSoFar >= limits.MaxAgreementsPerInvoice)
            return new NegotiationOutcome.NeedsApproval("too_many_agreements", requested());
        return null;
    }

    /// <summary>
    /// <paramref name="count"/> instalments of <paramref name="amount"/>, every <see cref="EffectiveLimits.InstalmentEveryMonths"/>
    /// months from <paramref name="first"/>: equal amounts rounded down to the minor unit, the remainder on the last one.
    /// </summary>
    internal static List<Instalment> Split(Money amount, int count, DateOnly first, int everyMonths) => Split(amount, count, first, everyMonths, d => d);

    /// <summary>As <see cref="Split(Money, int, DateOnly, int)"/>, each due date moved to a working day by <paramref name="workingDay"/>.</summary>
    private static List<Instalment> Split(Money amount, int count, DateOnly first, int everyMonths, Func<DateOnly, DateOnly> workingDay)
    {
        var unit = Pow10(Currency.MinorUnits(amount.Currency));
        var each = Math.Floor(amount.Amount * unit / count) / unit;
        var schedule = new List<Instalment>(count);
        for (var i = 0; i < count; i++)
            schedule.Add(new Instalment(workingDay(first.AddMonths(i * everyMonths)), i == count - 1 ? amount.Amount - (each * (count - 1)) : each));
        return schedule;
    }

    /// <summary>How many instalments fit every limit when the first is due on <paramref name="first"/>, and which limit binds.</summary>
    private static (int Count, string Binding) MaxCount(Money amount, DateOnly first, DateOnly today, EffectiveLimits limits, Func<DateOnly, DateOnly> workingDay)
    {
        var byAmount = limits.MinInstalmentAmount <= 0m ? int.MaxValue : (int)Math.Min(int.MaxValue, Math.Floor(amount.Amount / limits.MinInstalmentAmount));
        var lastAllowed = workingDay(today.AddDays(limits.MaxPlanDays));
        var byPlan = 0;
        while (byPlan < limits.MaxInstalments + 1 && workingDay(first.AddMonths(byPlan * limits.InstalmentEveryMonths)) <= lastAllowed)
            byPlan++;
        var count = Math.Min(limits.MaxInstalments, Math.Min(byAmount, byPlan));
        var binding = count == limits.MaxInstalments ? "too_many_instalments" : count == byAmount ? "instalment_too_small" : "plan_too_long";
        return (count, binding);
    }

    private static decimal Pow10(int digits) => digits == 0 ? 1m : digits == 2 ? 100m : (decimal)Math.Pow(10, digits);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
