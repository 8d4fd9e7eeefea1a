using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Core.Tests.Messages;

public sealed class Formatting_in_the_debtors_culture
{
    private static string Render(string language, string template, object? value, MessageCatalogueOptions? options = null)
    {
        var file = $"""
            messages:
              probe:
                vars: [value]
                text: '{template}'
            """;
        var catalogue = MessageCatalogue.FromTexts(
            [new("probe.de.yaml", file), new("probe.en.yaml", file)], options).EnsureValid();
        return catalogue.Render("probe", "probe", language, new Dictionary<string, object?> { ["value"] = value });
    }

    [Theory]
    [InlineData("de", "1.234,56 €")]
    [InlineData("en", "€1,234.56")]
    public void Money_uses_the_languages_culture_and_the_currencys_symbol(string language, string expected) =>
        Assert.Equal(expected, Render(language, "{{ value | money }}", Money.Euro(1234.56m)));

    [Theory]
    [InlineData("de", "-1.234,56 €")]
    [InlineData("en", "-€1,234.56")]
    public void Negative_money_keeps_its_sign(string language, string expected) =>
        Assert.Equal(expected, Render(language, "{{ value | money }}", Money.Euro(-1234.56m)));

    [Theory]
    [InlineData("de", "1.000.000,01 £")]
    [InlineData("en", "£1,000,000.01")]
    public void Other_currencies_use_their_own_symbol(string language, string expected) =>
        Assert.Equal(expected, Render(language, "{{ value | money }}", new Money(1000000.005m, "GBP")));

    [Theory]
    [InlineData("de", "1.235 ¥")]
    [InlineData("en", "¥1,235")]
    public void Currencies_without_minor_units_show_no_decimals(string language, string expected) =>
        Assert.Equal(expected, Render(language, "{{ value | money }}", new Money(1234.5m, "JPY")));

    [Theory]
    [InlineData("de", "160,00 €")]
    [InlineData("en", "€160.00")]
    public void A_bare_number_is_money_in_the_default_currency(string language, string expected) =>
        Assert.Equal(expected, Render(language, "{{ value | money }}", 160m));

    [Theory]
    [InlineData("de", "99,90 CHF")]
    [InlineData("en", "CHF 99.90")]
    public void A_bare_number_takes_a_currency_argument(string language, string expected) =>
        Assert.Equal(expected, Render(language, "{{ value | money: \"chf\" }}", 99.9m));

    [Theory]
    [InlineData("de", "-5,00 CHF")]
    [InlineData("en", "-CHF 5.00")]
    public void A_negative_amount_with_a_letter_symbol_keeps_the_space(string language, string expected) =>
        Assert.Equal(expected, Render(language, "{{ value | money }}", new Money(-5m, "CHF")));

    [Fact]
    public void The_default_currency_is_configurable() =>
        Assert.Equal("$5.00", Render("en", "{{ value | money }}", 5m, new MessageCatalogueOptions { DefaultCurrency = "USD" }));

    [Fact]
    public void An_unknown_currency_argument_fails_loudly_rather_than_print_a_wrong_amount() =>
        Assert.Throws<DomainException>(() => Render("en", "{{ value | money: \"XYZ\" }}", 5m));

    [Theory]
    [InlineData("de", "{{ value | date }}", "26.11.2026")]
    [InlineData("de", "{{ value | date: \"long\" }}", "26. November 2026")]
    [InlineData("de", "{{ value | date: \"dddd, d. MMMM\" }}", "Donnerstag, 26. November")]
    [InlineData("en", "{{ value | date }}", "26 November 2026")]
    [InlineData("en", "{{ value | date: \"long\" }}", "26 November 2026")]
    [InlineData("en", "{{ value | date: \"short\" }}", "26/11/2026")]
    [InlineData("en", "{{ value | date: \"dddd d MMMM\" }}", "Thursday 26 November")]
    public void Dates_follow_the_language(string language, string template, string expected) =>
        Assert.Equal(expected, Render(language, template, new DateOnly(2026, 11, 26)));

    [Fact]
    public void Date_times_and_iso_strings_are_dates_too()
    {
        Assert.Equal("01.03.2026", Render("de", "{{ value | date }}", new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal("1 March 2026", Render("en", "{{ value | date }}", new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("26 December 2026", Render("en", "{{ value | date }}", "2026-12-26"));
        Assert.Equal("", Render("en", "{{ value | date }}", null));
    }

    [Theory]
    [InlineData("de", 5, "5 %")]
    [InlineData("en", 5, "5%")]
    [InlineData("de", 2.5, "2,5 %")]
    [InlineData("en", 2.5, "2.5%")]
    [InlineData("de", 8.125, "8,13 %")]
    [InlineData("en", 12.10, "12.1%")]
    public void Percentages_follow_the_language(string language, double percent, string expected) =>
        Assert.Equal(expected, Render(language, "{{ value | percent }}", (decimal)percent));

    [Fact]
    public void Money_members_are_readable_by_snake_case_names() =>
        Assert.Equal("12.5 EUR", Render("en", "{{ value.amount }} {{ value.currency }}", Money.Euro(12.5m)));
}
