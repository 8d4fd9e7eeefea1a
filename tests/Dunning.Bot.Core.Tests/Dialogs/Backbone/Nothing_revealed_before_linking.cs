using static Dunning.Bot.Core.Tests.Dialogs.Backbone.Samples;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>Before proof, every question is answered by asking for the access code; no name, amount or invoice leaks.</summary>
public sealed class Nothing_revealed_before_linking
{
    public static TheoryData<string, Turn[]> Questions => new()
    {
        {
            "de",
            [
                new Turn("Wie viel schulde ich Ihnen noch?", new Reply("linking.ask_code")),
                new Turn("Wie ist die Bankverbindung für die Zahlung?", new Reply("linking.ask_code")),
                new Turn("Ich möchte bitte mit einem Menschen sprechen", new Reply("linking.ask_code")),
                new Turn("Hilfe", new Reply("linking.help")),
                new Turn("Bitte schreiben Sie mir nicht mehr", new Reply("linking.stop_unlinked")),
            ]
        },
        {
            "en",
            [
                new Turn("How much do I owe you?", new Reply("linking.ask_code")),
                new Turn("What are your bank details for the payment?", new Reply("linking.ask_code")),
                new Turn("I would like to speak to a person", new Reply("linking.ask_code")),
                new Turn("Help", new Reply("linking.help")),
                new Turn("Please stop contacting me", new Reply("linking.stop_unlinked")),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Questions_before_linking_ask_for_the_code(string language, Turn[] transcript)
    {
        var harness = new ConversationHarness();
        await harness.PlayAsync(transcript);

        Assert.Equal(language, harness.Link!.Language);
        Assert.False(harness.Link.IsLinked);
        Assert.Empty(harness.Escalations.All);
        Assert.Empty(harness.Notifier.Alerts);
        foreach (var entry in harness.Transcripts.All)
        {
            foreach (var secret in new[] { "Erika", "John", "119", "240", "359", "RE-2026" })
                Assert.DoesNotContain(secret, entry.Text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001\u202E")]
    public async Task Empty_or_control_character_messages_get_the_code_question(string says)
    {
        var harness = new ConversationHarness();
        await harness.PlayAsync([new Turn(says, new Reply("linking.ask_code"))]);
        Assert.Equal(0, harness.Link!.FailedCodeAttempts);
    }

    [Fact]
    public async Task A_huge_message_is_answered_without_counting_as_a_code()
    {
        var harness = new ConversationHarness();
        await harness.PlayAsync([new Turn(string.Concat(Enumerable.Repeat("ABCD2345 ", 20_000)), new Reply("linking.ask_code"))]);
        Assert.False(harness.Link!.IsLinked);
        Assert.Equal(0, harness.Link.FailedCodeAttempts);
    }
}
