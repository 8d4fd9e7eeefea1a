using Dunning.Bot.Intake;

namespace Dunning.Bot.Tests.Intake;

public sealed class Numbers_and_dates_are_read_the_German_or_English_way
{
    [Theory]
    [InlineData("1.234,56", true, "1234.56")]
    [InlineData("1.234,56", false, "1234.56")]
    [InlineData("1,234.56", true, "1234.56")]
    [InlineData("1,234.56", false, "1234.56")]
    [InlineData("1234,56", false, "1234.56")]
    [InlineData("1234.5", true, "1234.5")]
    [InlineData("1.234.567,89", false, "1234567.89")]
    [InlineData("1,234,567", true, "1234567")]
    [InlineData("0,125", false, "0.125")]
    [InlineData("1,234", true, "1.234")]
    [InlineData("1,234", false, "1234")]
    [InlineData("1.234", true, "1234")]
    [InlineData("1.234", false, "1.234")]
    [InlineData("1234,567", false, "1234.567")]
    [InlineData(" -12,50 ", true, "-12.50")]
    [InlineData("1 234,56", true, "1234.56")]
    [InlineData("19", true, "19")]
    public void An_amount_is_read_unambiguously_or_by_the_files_hint(string text, bool decimalComma, string expected)
    {
        Assert.True(LocaleNumbers.TryParse(text, decimalComma, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a")]
    [InlineData("€ 12")]
    [InlineData("1,23,4")]
    [InlineData("12.34.5")]
    [InlineData("1.2345,6")]
    [InlineData("1,234.56.7")]
    [InlineData("-")]
    [InlineData("1e5")]
    [InlineData("12,")]
    public void Anything_else_is_not_a_number(string text)
    {
        Assert.False(LocaleNumbers.TryParse(text, true, out _));
        Assert.False(LocaleNumbers.TryParse(text, false, out _));
    }

    [Theory]
    [InlineData("2026-11-26")]
    [InlineData("26.11.2026")]
    [InlineData("6.1.2026", 2026, 1, 6)]
    public void Iso_and_German_dates_are_accepted(string text, int year = 2026, int month = 11, int day = 26)
    {
        Assert.True(CsvDates.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("11/26/2026")]
    [InlineData("26/11/2026")]
    [InlineData("2026-02-30")]
    [InlineData("26.11.26")]
    [InlineData("tomorrow")]
    public void Ambiguous_or_impossible_dates_are_refused(string text) => Assert.False(CsvDates.TryParse(text, out _));
}
