using static Dunning.Bot.Core.Tests.Dialogs.Backbone.Samples;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>The bot speaks the debtor's language and switches, for good, when they clearly write in the other one.</summary>
public sealed class Switching_language
{
    public static TheoryData<string, string, Turn[]> Switches => new()
    {
        {
            ErikaToken, "en",
            [
                new Turn("Hello, thank you very much for your help", new Reply("main.thanks")),
                new Turn("ok", new Reply("main.what_else", WithMenu: true)),
                new Turn("Danke", new Reply("main.thanks")),
            ]
        },
        {
            JohnToken, "de",
            [
                new Turn("Vielen Dank für Ihre schnelle Hilfe", new Reply("main.thanks")),
                new Turn("thanks", new Reply("main.thanks")),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Switches))]
    public async Task A_clear_message_in_the_other_language_switches_and_short_ones_do_not_switch_back(string token, string expected, Turn[] transcript)
    {
        var harness = new ConversationHarness();
        await harness.JoinAsync(token, "de-DE");
        await harness.PlayAsync(transcript);
        Assert.Equal(expected, harness.Link!.Language);
    }

    [Fact]
    public async Task Before_linking_the_locale_of_the_web_chat_is_used()
    {
        var harness = new ConversationHarness();
        await harness.PlayAsync([new Turn("join:", new Reply("linking.welcome")) { Locale = "en-GB" }]);
        Assert.Equal("en", harness.Link!.Language);
    }

    [Fact]
    public async Task At_linking_the_debtors_preferred_language_wins()
    {
        var harness = new ConversationHarness();
        await harness.PlayAsync([new Turn("join:" + ErikaToken, new Reply("linking.linked", ErikaLinked, WithMenu: true)) { Locale = "en-GB" }]);
        Assert.Equal("de", harness.Link!.Language);
    }
}
