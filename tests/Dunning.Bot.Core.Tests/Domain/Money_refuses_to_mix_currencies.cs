using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Domain;

public sealed class Money_refuses_to_mix_currencies
{
    [Fact]
    public void Adding_or_comparing_euros_and_dollars_throws()
    {
        var euro = Money.Euro(10m);
        var dollar = new Money(10m, "USD");

        Assert.Throws<DomainException>(() => euro + dollar);
        Assert.Throws<DomainException>(() => euro - dollar);
        Assert.Throws<DomainException>(() => euro < dollar);
        Assert.Throws<DomainException>(() => euro >= dollar);
        Assert.Throws<DomainException>(() => Money.Max(euro, dollar));
        Assert.Throws<DomainException>(() => euro.CompareTo(dollar));
    }

    [Fact]
    public void Arithmetic_in_one_currency_is_exact_decimal()
    {
        var sum = Money.Euro(0.1m) + Money.Euro(0.2m);

        Assert.Equal(Money.Euro(0.3m), sum);
        Assert.Equal(Money.Euro(-0.3m), -sum);
        Assert.Equal(Money.Euro(0.9m), sum * 3m);
        Assert.Equal(Money.Euro(0.1m), sum - Money.Euro(0.2m));
    }

    [Theory]
    [InlineData(2.345, "EUR", 2.35)]
    [InlineData(2.344, "EUR", 2.34)]
    [InlineData(-2.345, "EUR", -2.35)]
    [InlineData(1234.5, "JPY", 1235)]
    public void Rounding_is_commercial_to_the_minor_unit(decimal amount, string currency, decimal expected) =>
        Assert.Equal(expected, new Money(amount, currency).Rounded().Amount);

    [Fact]
    public void Comparisons_order_amounts_of_the_same_currency()
    {
        var small = Money.Euro(1m);
        var large = Money.Euro(2m);

        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= Money.Euro(1m));
        Assert.Equal(large, Money.Max(small, large));
        Assert.Equal(small, Money.Min(small, large));
        Assert.True(small.CompareTo(large) < 0);
    }

    [Theory]
    [InlineData("EURO")]
    [InlineData("XXY")]
    [InlineData("")]
    public void An_unknown_currency_is_refused(string currency) =>
        Assert.Throws<DomainException>(() => new Money(1m, currency));

    [Fact]
    public void Lower_case_codes_are_normalized() => Assert.Equal("EUR", new Money(1m, "eur").Currency);
}
