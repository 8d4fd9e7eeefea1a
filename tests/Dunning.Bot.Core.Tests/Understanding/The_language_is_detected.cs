using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Understanding;

public sealed class The_language_is_detected
{
    [Theory]
    [InlineData("Hallo", "de")]
    [InlineData("passt", "de")]
    [InlineData("Grüße", "de")]
    [InlineData("ich zahle morgen", "de")]
    [InlineData("Ueberweisung ist raus", "de")]
    [InlineData("hi there", "en")]
    [InlineData("Unsubscribe", "en")]
    [InlineData("I'll pay tomorrow", "en")]
    [InlineData("the invoice is wrong", "en")]
    public void Detects_german_and_english_from_short_messages(string text, string language) =>
        Assert.Equal(language, TestData.Recognize(text, fallback: language == "de" ? "en" : "de").Language);

    [Theory]
    [InlineData("ok", "de")]
    [InlineData("ok", "en")]
    [InlineData("👍", "de")]
    [InlineData("12345", "en")]
    public void Falls_back_to_the_conversation_language_when_unsure(string text, string fallback) =>
        Assert.Equal(fallback, TestData.Recognize(text, fallback).Language);
}
