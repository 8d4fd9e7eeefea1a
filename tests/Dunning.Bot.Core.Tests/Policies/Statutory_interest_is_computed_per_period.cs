using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Microsoft.Extensions.Options;
using static Dunning.Bot.Core.Tests.Policies.PolicyFixtures;

namespace Dunning.Bot.Core.Tests.Policies;

public class Statutory_interest_is_computed_per_period
{
    private readonly StatutoryInterest interest = Interest();

    [Theory]
    [InlineData("2022-06-30", -0.88)]
    [InlineData("2023-01-01", 1.62)]
    [InlineData("2023-07-01", 3.12)]
    [InlineData("2024-01-01", 3.62)]
    [InlineData("2024-07-01", 3.37)]
    [InlineData("2025-01-01", 2.27)]
    [InlineData("2025-06-30", 2.27)]
    [InlineData("2025-07-01", 1.27)]
    [InlineData("2026-03-01", 1.27)]
    public void The_seeded_table_holds_the_published_base_rates(string date, decimal rate) =>
        Assert.Equal(rate, interest.BaseRateOn(Day(date)));

    [Fact]
    public void A_business_pays_base_plus_9_split_at_the_July_2025_rate_change_rounded_per_period()
    {
        // 1,000.00 EUR due 2025-05-31, interest 2025-06-01 .. 2025-07-31 inclusive, actual/365:
        //   June: 30 days at 2.27 + 9 = 11.27 %: 1000 * 0.1127 * 30 / 365 = 9.26301... -> 9.26
        //   July: 31 days at 1.27 + 9 = 10.27 %: 1000 * 0.1027 * 31 / 365 = 8.72246... -> 8.72
        //   Total 17.98 (rounding only the unrounded sum 17.98547... would give 17.99: per-period rounding is the contract).
        var invoice = Invoice(1000m, due: Day("2025-05-31"));
        var result = interest.Calculate(invoice, DebtorKind.Business, Day("2025-07-31"), FirstDay(invoice));
        Assert.Equal(Money.Euro(17.98m), result.Total);
        Assert.Collection(result.Periods,
            june => Assert.Equal((Day("2025-06-01"), Day("2025-06-30"), 30, 11.27m, 9.26m), (june.From, june.To, june.Days, june.RatePercent, june.Interest.Amount)),
            july => Assert.Equal((Day("2025-07-01"), Day("2025-07-31"), 31, 10.27m, 8.72m), (july.From, july.To, july.Days, july.RatePercent, july.Interest.Amount)));
    }

    [Fact]
    public void A_consumer_pays_base_plus_5_across_the_new_year_rate_change()
    {
        // 2,500.00 EUR due 2024-12-15, interest 2024-12-16 .. 2025-01-15:
        //   16 days at 3.37 + 5 = 8.37 %: 2500 * 0.0837 * 16 / 365 = 9.17260... -> 9.17
        //   15 days at 2.27 + 5 = 7.27 %: 2500 * 0.0727 * 15 / 365 = 7.46917... -> 7.47
        var result = interest.Calculate(Invoice(2500m, due: Day("2024-12-15")), DebtorKind.Consumer, Day("2025-01-15"), FirstDay(Invoice(2500m, due: Day("2024-12-15"))));
        Assert.Equal(Money.Euro(16.64m), result.Total);
        Assert.Equal([9.17m, 7.47m], result.Periods.Select(p => p.Interest.Amount));
    }

    [Fact]
    public void A_partial_payment_lowers_the_principal_from_its_date_on()
    {
        // 1,234.56 EUR due 2025-06-10, 234.56 paid on 2025-07-10, consumer, through 2025-07-31:
        //   06-11..06-30: 20 days, 1234.56 at 7.27 %: 4.91794... -> 4.92
        //   07-01..07-09:  9 days, 1234.56 at 6.27 %: 1.90866... -> 1.91
        //   07-10..07-31: 22 days, 1000.00 at 6.27 %: 3.77917... -> 3.78
        var invoice = Invoice(1234.56m, due: Day("2025-06-10"));
        invoice.RecordPayment(new Payment(Day("2025-07-10"), 234.56m, "bank-1"));
        var result = interest.Calculate(invoice, DebtorKind.Consumer, Day("2025-07-31"), FirstDay(invoice));
        Assert.Equal([4.92m, 1.91m, 3.78m], result.Periods.Select(p => p.Interest.Amount));
        Assert.Equal([1234.56m, 1234.56m, 1000m], result.Periods.Select(p => p.Principal));
        Assert.Equal(Money.Euro(10.61m), result.Total);
    }

    [Fact]
    public void A_negative_base_rate_still_applies_but_the_total_rate_never_goes_below_zero()
    {
        // Business 100.00 EUR, 2022-12-01..2023-01-31: December at -0.88 + 9 = 8.12 % (0.68964... -> 0.69),
        // January at 1.62 + 9 = 10.62 % (0.90197... -> 0.90).
        var result = interest.Calculate(Invoice(100m, due: Day("2022-11-30")), DebtorKind.Business, Day("2023-01-31"), FirstDay(Invoice(100m, due: Day("2022-11-30"))));
        Assert.Equal(Money.Euro(1.59m), result.Total);
        Assert.Equal(8.12m, result.Periods[0].RatePercent);

        var noPoints = Interest(new StatutoryInterestOptions { ConsumerPointsAboveBase = 0m });
        Assert.Equal(0m, noPoints.RateOn(Day("2022-12-01"), DebtorKind.Consumer));
        Assert.Equal(Money.Euro(0m), noPoints.Calculate(Money.Euro(1000m), DebtorKind.Consumer, Day("2022-01-01"), Day("2022-12-31")).Total);
    }

    [Fact]
    public void Actual_actual_divides_leap_year_days_by_366()
    {
        // 1,000.00 EUR, business, 2024-02-01..2024-02-29 (29 days) at 3.62 + 9 = 12.62 %:
        //   actual/365: 10.0268... -> 10.03; actual/actual: 1000 * 0.1262 * 29 / 366 = 9.99945... -> 10.00
        Assert.Equal(10.03m, interest.Calculate(Money.Euro(1000m), DebtorKind.Business, Day("2024-02-01"), Day("2024-02-29")).Total.Amount);
        var actual = Interest(new StatutoryInterestOptions { DayCount = InterestDayCount.ActualActual });
        Assert.Equal(10.00m, actual.Calculate(Money.Euro(1000m), DebtorKind.Business, Day("2024-02-01"), Day("2024-02-29")).Total.Amount);
    }

    [Fact]
    public void Nothing_accrues_before_default_starts_on_the_due_date_itself_or_when_disabled_or_paid()
    {
        var invoice = Invoice(1000m, due: Day("2025-05-31"));
        Assert.Empty(interest.Calculate(invoice, DebtorKind.Business, Day("2025-05-31"), FirstDay(invoice)).Periods);
        Assert.Equal(1, interest.Calculate(invoice, DebtorKind.Business, Day("2025-06-01"), FirstDay(invoice)).Periods[0].Days);
        Assert.Equal(0m, Interest(new StatutoryInterestOptions { Enabled = false }).Calculate(invoice, DebtorKind.Business, Day("2025-12-31"), FirstDay(invoice)).Total.Amount);
        invoice.RecordPayment(new Payment(Day("2025-05-20"), 1000m, "early"));
        Assert.Equal(0m, interest.Calculate(invoice, DebtorKind.Business, Day("2025-12-31"), FirstDay(invoice)).Total.Amount);
    }

    [Fact]
    public void Interest_starts_on_the_first_day_of_default_it_is_given()
    {
        var invoice = Invoice(1000m, due: Day("2025-05-31"));
        var fromReminder = interest.Calculate(invoice, DebtorKind.Consumer, Day("2025-07-31"), firstDay: Day("2025-07-01"));
        Assert.Equal(Day("2025-07-01"), fromReminder.Periods[0].From);
    }

    [Fact]
    public void Configured_rates_extend_and_correct_the_seeded_table()
    {
        var extended = Interest(new StatutoryInterestOptions { BaseRates = [new() { ValidFrom = Day("2026-07-01"), RatePercent = 1.02m }] });
        Assert.Equal(1.02m, extended.BaseRateOn(Day("2026-08-01")));
        Assert.Equal(1.27m, extended.BaseRateOn(Day("2026-06-30")));
        Assert.True(extended.KnowsHalfYearOf(Day("2026-09-01")));
        Assert.False(interest.KnowsHalfYearOf(Day("2026-09-01")));
        Assert.True(interest.KnowsHalfYearOf(Day("2026-02-01")));
    }

    [Fact]
    public void Dates_before_the_table_and_implausible_rates_are_refused_clearly()
    {
        Assert.Throws<InvalidOperationException>(() => interest.BaseRateOn(Day("2010-01-01")));
        var ex = Assert.Throws<OptionsValidationException>(() => Interest(new StatutoryInterestOptions
        {
            BaseRates = [new() { ValidFrom = Day("2027-01-01"), RatePercent = 900m }, new() { ValidFrom = Day("2027-01-01"), RatePercent = 1m }],
        }));
        Assert.Equal(2, ex.Failures.Count());
    }

    [Fact]
    public void Zero_decimal_currencies_round_to_whole_units()
    {
        // 100,000 JPY, business, 2025-07-01..2025-07-31 at 10.27 %: 872.2465... -> 872
        var result = interest.Calculate(new Money(100000m, "JPY"), DebtorKind.Business, Day("2025-07-01"), Day("2025-07-31"));
        Assert.Equal(new Money(872m, "JPY"), result.Total);
    }

    /// <summary>The day after the due date: default on an agreed calendar date (the rate tests' common case).</summary>
    private static DateOnly FirstDay(Invoice invoice) => invoice.DueDate.AddDays(1);
}
