using System.Globalization;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Understanding;

/// <summary>
/// Entities that follow the language (today is Thursday 2026-11-26): dates with tense, weekdays relative to today,
/// "within N days", numeric dates by language, amounts with currency words, part now and the rest later as a plan,
/// and instalment counts in words — in both languages.
/// </summary>
public sealed class Entities_are_found_in_every_wording
{
    [Theory]
    [InlineData("Ich habe am Freitag überwiesen", "2026-11-20")]
    [InlineData("Ich überweise am Freitag", "2026-11-27")]
    [InlineData("paid it on Monday", "2026-11-23")]
    [InlineData("I'll pay on Monday", "2026-11-30")]
    [InlineData("Das Geld ging vorgestern raus", "2026-11-24")]
    [InlineData("Habe am 3.11. bezahlt", "2026-11-03")]
    [InlineData("Ich zahle am 3.1.", "2027-01-03")]
    public void A_date_follows_the_tense(string text, string date) => ExpectDate(text, date);

    [Theory]
    [InlineData("Ich zahle innerhalb von 10 Tagen", "2026-12-06")]
    [InlineData("I'll pay within 7 days", "2026-12-03")]
    [InlineData("Kann ich Freitag nächste Woche zahlen?", "2026-12-04")]
    [InlineData("could I pay Friday next week?", "2026-12-04")]
    [InlineData("I will pay on 12/10", "2026-12-10")]
    [InlineData("Ich zahle am 12.10.2027", "2027-10-12")]
    [InlineData("I will pay on 1/2/2027", "2027-01-02")]
    [InlineData("Ich zahle am 1.2.2027", "2027-02-01")]
    public void Deadlines_and_numeric_dates_follow_the_language(string text, string date) => ExpectDate(text, date);

    [Theory]
    [InlineData("Kann ich den Betrag um eine Woche schieben?")]
    [InlineData("I've been unemployed for 3 months")]
    [InlineData("Ich bin seit 3 Wochen krank")]
    [InlineData("Können wir das auf sechs Monate verteilen?")]
    public void A_period_is_no_date(string text) => Assert.Null(TestData.Recognize(text).Date);

    [Theory]
    [InlineData("Ich zahle zweihundert Euro am Freitag", 200)]
    [InlineData("I'll send fifty bucks tomorrow", 50)]
    [InlineData("is it still 89.50 or more now?", 89.5)]
    [InlineData("Ich kann die 95 gerade nicht zahlen, ich bin arbeitslos", 95)]
    public void Amounts_with_currency_words_or_in_money_questions(string text, double amount) =>
        Assert.Equal((decimal)amount, TestData.Recognize(text).Amount);

    [Theory]
    [InlineData("Ihr habt 4 Stunden berechnet, es waren aber nur 2 Stunden")]
    [InlineData("we were billed for 3 hours but the guy was here for 40 minutes")]
    [InlineData("Bezahlt unter Bestellnummer 4500012345")]
    [InlineData("paid under PO 4500012345 last week")]
    [InlineData("Ich habe 3 Kinder und keinen Job mehr")]
    public void Hours_pieces_and_order_numbers_are_no_amounts(string text) => Assert.Null(TestData.Recognize(text).Amount);

    [Theory]
    [InlineData("Ich zahle 200 € jetzt und den Rest am 15.12.", 200, 2, "2026-12-15")]
    [InlineData("I can pay 300 now and the rest on 12/20", 300, 2, "2026-12-20")]
    public void Part_now_and_the_rest_later_is_a_plan_with_a_first_amount(string text, double amount, int parts, string date)
    {
        var result = TestData.Recognize(text);

        Assert.Equal(Intent.RequestInstalments, result.Intent);
        Assert.Equal((decimal)amount, result.Amount);
        Assert.Equal(parts, result.Instalments);
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), result.Date);
    }

    [Theory]
    [InlineData("Kann ich in drei Raten zahlen?", 3)]
    [InlineData("Geht das in vier Teilzahlungen?", 4)]
    [InlineData("can I pay in five instalments?", 5)]
    [InlineData("could we split it into two payments?", 2)]
    [InlineData("Wäre eine Aufteilung über 6 Monate möglich?", 6)]
    [InlineData("Geht das auch in Raten, so 4?", 4)]
    [InlineData("I'd prefer instalments, maybe 3", 3)]
    public void Instalment_counts_in_words_and_periods(string text, int parts) =>
        Assert.Equal(parts, TestData.Recognize(text).Instalments);

    [Theory]
    [InlineData("Kann ich monatliche Raten von 50 zahlen?")]
    [InlineData("Die erste Rate von 80 € ist raus")]
    public void A_rate_after_the_unit_is_no_count(string text) => Assert.Null(TestData.Recognize(text).Instalments);

    private static void ExpectDate(string text, string date) =>
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), TestData.Recognize(text).Date);
}
