using System.Text;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Understanding;

/// <summary>Any text gives a result, never an exception.</summary>
public sealed class Any_text_gives_a_result
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0\u0001\u0002\u001b[31m")]
    [InlineData("????!!!...,,,")]
    [InlineData("😀😀😀🤷‍♂️🏳️‍🌈")]
    [InlineData("Привет, как дела?")]
    [InlineData("你好，我已经付款了")]
    [InlineData("\uD800 lone surrogate \uDC00")]
    [InlineData("1.2.3.4.5.6.7.8.9")]
    [InlineData("99999999999999999999999999999 €")]
    [InlineData("31.02.2026")]
    [InlineData("13/13/2026")]
    [InlineData("am 0.0.")]
    [InlineData("in 99999 Tagen")]
    [InlineData("-----")]
    [InlineData("''''")]
    [InlineData("zweihundertzweihundertzweihundert euro")]
    public void Hostile_or_odd_text_gives_a_result(string text)
    {
        var result = TestData.Recognize(text);

        Assert.Contains(result.Language, UnderstandingData.Languages);
        Assert.InRange(result.Confidence, 0, 1);
    }

    [Fact]
    public void Null_and_empty_text_are_unknown_in_the_fallback_language()
    {
        var result = TestData.Recognizer.Recognize(null, new RecognitionContext(TestData.Today, TestData.Berlin, "de"));

        Assert.Equal(Intent.Unknown, result.Intent);
        Assert.Equal("de", result.Language);
        Assert.Null(result.Date);
        Assert.Equal(Intent.Unknown, TestData.Recognize("").Intent);
        Assert.Equal("en", TestData.Recognize("").Language);
    }

    [Fact]
    public void Ten_thousand_characters_are_read_without_trouble_and_the_request_at_the_start_is_understood()
    {
        var text = "Ich habe schon bezahlt. " + new string('x', 10_000) + " " + string.Concat(Enumerable.Repeat("blah ", 2_000));

        var result = TestData.Recognize(text);

        Assert.Equal(Intent.ClaimPaid, result.Intent);
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(4711);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzäöüß ÄÖÜ0123456789.,/-:'€$%?!👍🙏\u0000\n\t";
        for (var n = 0; n < 3_000; n++)
        {
            var length = random.Next(0, 80);
            var sb = new StringBuilder(length);
            for (var i = 0; i < length; i++)
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            var result = TestData.Recognize(sb.ToString());
            Assert.NotNull(result.InvoiceNumbers);
        }
    }

    [Fact]
    public void Recognition_is_thread_safe()
    {
        string[] messages = ["Ich zahle morgen 100 €", "I already paid on 20 November", "Kann ich in 3 Raten zahlen?", "stop"];
        var expected = messages.Select(m => TestData.Recognize(m)).ToArray();

        Parallel.For(0, 2_000, i =>
        {
            var actual = TestData.Recognize(messages[i % messages.Length]);
            Assert.Equal(expected[i % messages.Length].Intent, actual.Intent);
            Assert.Equal(expected[i % messages.Length].Date, actual.Date);
        });
    }
}
