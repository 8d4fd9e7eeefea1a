using Dunning.Bot.Core.Domain;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// Statutory default interest under §288 BGB, per day. Contract:
/// <list type="bullet">
/// <item>Interest runs from the first default day (decided by <see cref="Claims.ClaimLedger"/> under §286 BGB) up to and
/// including the calculation date.</item>
/// <item>The time is split into periods at every base-rate change, every 1 January (the day-count year) and every
/// payment passed in; a payment dated d lowers the principal from d on. The claim ledger passes none: it splits at
/// payments itself and allocates them per §367 BGB.</item>
/// <item>Rate = base rate + points, floored at 0 when a negative base rate would push it below zero.</item>
/// <item>Each period's interest is principal × rate × days / 365 (or / days of the year), rounded half away from zero to
/// the currency's minor unit; the total is the sum of the rounded periods, so a statement's lines add up exactly.</item>
/// </list>
/// </summary>
public sealed class StatutoryInterest
{
    private readonly StatutoryInterestOptions options;

    public StatutoryInterest(IOptions<StatutoryInterestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = OptionsCheck.Valid(options.Value, o => o.Validate());
        var seeded = this.options.UseSeededBaseRates ? StatutoryInterestOptions.SeededBaseRates : [];
        BaseRates = [.. seeded.Where(s => this.options.BaseRates.All(b => b.ValidFrom != s.ValidFrom))
            .Concat(this.options.BaseRates)
            .Select(e => new BaseRateEntry { ValidFrom = e.ValidFrom, RatePercent = e.RatePercent })
            .OrderBy(e => e.ValidFrom)];
    }

    /// <summary>The effective base-rate table, oldest first.</summary>
    public IReadOnlyList<BaseRateEntry> BaseRates { get; }

    public bool Enabled => options.Enabled;

    /// <summary>The base rate in force on <paramref name="date"/>; throws when the table starts later.</summary>
    public decimal BaseRateOn(DateOnly date) =>
        BaseRates.LastOrDefault(e => e.ValidFrom <= date)?.RatePercent
        ?? throw new InvalidOperationException($"No base rate is configured for {date:yyyy-MM-dd}; the table starts {BaseRates[0].ValidFrom:yyyy-MM-dd}.");

    /// <summary>The yearly default-interest rate in percent for the debtor kind on <paramref name="date"/>, never below 0.</summary>
    public decimal RateOn(DateOnly date, DebtorKind kind) =>
        Math.Max(0m, BaseRateOn(date) + (kind == DebtorKind.Business ? options.BusinessPointsAboveBase : options.ConsumerPointsAboveBase));

    /// <summary>
    /// False when the table has no entry for the half-year containing <paramref name="date"/> (the owner should add the
    /// newly published rate; until then the last known rate is used). The host warns about it at start-up.
    /// </summary>
    public bool KnowsHalfYearOf(DateOnly date)
    {
        var halfYearStart = new DateOnly(date.Year, date.Month <= 6 ? 1 : 7, 1);
        return BaseRates.Any(e => e.ValidFrom >= halfYearStart && e.ValidFrom <= date)
            || BaseRates.Any(e => e.ValidFrom > date);
    }

    /// <summary>
    /// Interest on <paramref name="invoice"/>'s principal from <paramref name="firstDay"/> (the first day of default)
    /// through <paramref name="through"/>, each payment lowering the principal from its date. Zero when disabled.
    /// </summary>
    public InterestCalculation Calculate(Invoice invoice, DebtorKind kind, DateOnly through, DateOnly firstDay)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var payments = invoice.Payments.Select(p => (p.Date, p.Amount)).ToList();
        return Calculate(invoice.TotalMoney, kind, firstDay, through, payments);
    }

    /// <summary>
    /// Interest on <paramref name="principal"/> from <paramref name="firstDay"/> through <paramref name="through"/>
    /// (both included), reduced by <paramref name="payments"/> from each payment's date on.
    /// </summary>
    public InterestCalculation Calculate(Money principal, DebtorKind kind, DateOnly firstDay, DateOnly through,
        IReadOnlyList<(DateOnly Date, decimal Amount)>? payments = null)
    {
        payments ??= [];
        if (!options.Enabled || through < firstDay || !principal.IsPositive)
            return InterestCalculation.None(principal.Currency, through);
        var digits = Currency.MinorUnits(principal.Currency);
        var periods = new List<InterestPeriod>();
        var day = firstDay;
        while (day <= through)
        {
            var end = NextBoundary(day, through, payments);
            var balance = principal.Amount - payments.Where(p => p.Date <= day).Sum(p => p.Amount);
            if (balance > 0m)
            {
                var days = end.DayNumber - day.DayNumber;
                var rate = RateOn(day, kind);
                var basis = options.DayCount == InterestDayCount.ActualActual && DateTime.IsLeapYear(day.Year) ? 366m : 365m;
                var amount = Math.Round(balance * rate / 100m * days / basis, digits, MidpointRounding.AwayFromZero);
                periods.Add(new InterestPeriod(day, end.AddDays(-1), days, balance, BaseRateOn(day), rate, new Money(amount, principal.Currency)));
            }
            day = end;
        }
        var total = new Money(periods.Sum(p => p.Interest.Amount), principal.Currency);
        return new InterestCalculation(total, firstDay, through, periods);
    }

    /// <summary>The first day after <paramref name="day"/> on which rate, year or principal changes (or through + 1).</summary>
    private DateOnly NextBoundary(DateOnly day, DateOnly through, IReadOnlyList<(DateOnly Date, decimal Amount)> payments)
    {
        var end = through.AddDays(1);
        var newYear = new DateOnly(day.Year + 1, 1, 1);
        if (newYear < end)
            end = newYear;
        foreach (var entry in BaseRates)
        {
            if (entry.ValidFrom > day && entry.ValidFrom < end)
                end = entry.ValidFrom;
        }
        foreach (var payment in payments)
        {
            if (payment.Date > day && payment.Date < end)
                end = payment.Date;
        }
        return end;
    }
}
