using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Understanding;

/// <summary>Dates are resolved against the debtor's today (2026-11-26, a Thursday, unless stated).</summary>
public sealed class Dates_are_resolved_against_the_debtors_today
{
    [Theory]
    [InlineData("Ich zahle morgen", "2026-11-27")]
    [InlineData("ich zahle uebermorgen", "2026-11-28")]
    [InlineData("Ich zahle heute", "2026-11-26")]
    [InlineData("Ich zahle am Freitag", "2026-11-27")]
    [InlineData("Ich zahle am Donnerstag", "2026-12-03")]
    [InlineData("Ich überweise bis zum 5.12.", "2026-12-05")]
    [InlineData("Ich überweise am 05.12.2026", "2026-12-05")]
    [InlineData("Ich überweise am 3.1.27", "2027-01-03")]
    [InlineData("Ich zahle am 20. Dezember", "2026-12-20")]
    [InlineData("Aufschub bis Mitte Dezember bitte", "2026-12-15")]
    [InlineData("Ich zahle Anfang Januar", "2027-01-01")]
    [InlineData("Ich zahle Ende Februar", "2027-02-28")]
    [InlineData("Ich bräuchte noch zwei Wochen", "2026-12-10")]
    [InlineData("Ich zahle in 3 Tagen", "2026-11-29")]
    [InlineData("Ich zahle zum Monatsende", "2026-11-30")]
    [InlineData("Ich zahle Ende nächsten Monats", "2026-12-31")]
    [InlineData("Ich zahle nächste Woche", "2026-12-04")]
    [InlineData("Ich zahle am 2026-12-24", "2026-12-24")]
    [InlineData("I will pay tomorrow", "2026-11-27")]
    [InlineData("I'll pay by the end of the month", "2026-11-30")]
    [InlineData("I will pay on January 15", "2027-01-15")]
    [InlineData("I will pay on the 15th of January", "2027-01-15")]
    [InlineData("I will pay on 12/15/2026", "2026-12-15")]
    [InlineData("I will pay on 25/12/2026", "2026-12-25")]
    [InlineData("I will pay next Friday", "2026-11-27")]
    [InlineData("I need 10 more days", "2026-12-06")]
    [InlineData("can I pay in a month?", "2026-12-26")]
    [InlineData("I'll pay mid December", "2026-12-15")]
    public void Future_dates_resolve_ahead_of_today(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TestData.Recognize(text).Date);

    [Theory]
    [InlineData("Habe gestern überwiesen", "2026-11-25")]
    [InlineData("Ich habe vorgestern bezahlt", "2026-11-24")]
    [InlineData("Ich habe am Freitag überwiesen", "2026-11-20")]
    [InlineData("Ich habe am 20.11. bezahlt", "2026-11-20")]
    [InlineData("Ich habe vor 3 Tagen bezahlt", "2026-11-23")]
    [InlineData("Payment was sent on 20 November", "2026-11-20")]
    [InlineData("I paid last Monday", "2026-11-23")]
    [InlineData("paid 2 weeks ago", "2026-11-12")]
    [InlineData("I already paid on December 1st", "2025-12-01")]
    public void Past_tense_resolves_to_the_past(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TestData.Recognize(text).Date);

    [Theory]
    [InlineData("2026-12-31", "Ich zahle morgen", "2027-01-01")]
    [InlineData("2026-12-30", "ich zahle übermorgen", "2027-01-01")]
    [InlineData("2026-12-28", "Ich zahle am 5.1.", "2027-01-05")]
    [InlineData("2027-01-03", "Ich habe am 28.12. überwiesen", "2026-12-28")]
    [InlineData("2026-12-31", "I'll pay at the end of the month", "2026-12-31")]
    [InlineData("2026-12-20", "I need two more weeks", "2027-01-03")]
    [InlineData("2027-01-31", "Ich zahle Ende nächsten Monats", "2027-02-28")]
    [InlineData("2028-01-31", "I'll pay at the end of next month", "2028-02-29")]
    [InlineData("2027-01-31", "ich zahle in einem Monat", "2027-02-28")]
    [InlineData("2026-12-15", "ich zahle Mitte Januar", "2027-01-15")]
    public void Relative_dates_cross_month_and_year_ends(string today, string text, string expected)
    {
        var result = TestData.RecognizeOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), text);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Date);
    }

    [Theory]
    // 2026-03-29: clocks in Berlin go forward at 02:00 CET; 23:30 UTC on the 28th is 00:30 CET on the 29th.
    [InlineData("2026-03-28T22:59:59Z", "2026-03-29")]
    [InlineData("2026-03-28T23:30:00Z", "2026-03-30")]
    // After the change Berlin is two hours ahead: 22:30 UTC on the 29th is 00:30 CEST on the 30th.
    [InlineData("2026-03-29T22:30:00Z", "2026-03-31")]
    [InlineData("2026-03-29T21:30:00Z", "2026-03-30")]
    // 2026-10-25: clocks go back at 03:00; 23:30 UTC on the 25th is 00:30 CET on the 26th.
    [InlineData("2026-10-25T22:30:00Z", "2026-10-26")]
    [InlineData("2026-10-25T23:30:00Z", "2026-10-27")]
    public void Today_is_taken_in_the_debtors_time_zone_across_daylight_saving_changes(string utcNow, string expectedTomorrow)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        var context = RecognitionContext.At(clock, TestData.Berlin, "de");

        var result = TestData.Recognizer.Recognize("Ich zahle morgen", context);

        Assert.Equal(DateOnly.Parse(expectedTomorrow, System.Globalization.CultureInfo.InvariantCulture), result.Date);
    }

    [Theory]
    [InlineData("Guten Morgen")]
    [InlineData("good morning, how much do I owe?")]
    [InlineData("Wie ist das Wetter morgen?")]
    [InlineData("Haben Sie am Samstag geöffnet?")]
    [InlineData("I can do €150 a month")]
    [InlineData("Kann ich in 3 Raten zahlen?")]
    [InlineData("May I pay in instalments?")]
    [InlineData("Ich würde gern über 6 Monate abzahlen")]
    public void Words_that_only_look_like_dates_give_no_date(string text) =>
        Assert.Null(TestData.Recognize(text).Date);

    [Fact]
    public void A_bare_date_answer_keeps_its_date() =>
        Assert.Equal(new DateOnly(2026, 12, 5), TestData.Recognize("am 5.12.", "de").Date);
}
