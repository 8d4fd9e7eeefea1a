using Dunning.Bot.Core.Domain;
using static Dunning.Bot.Core.Tests.Dialogs.Backbone.Samples;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>Not understood: rephrase, then the main options as buttons, then a person is offered.</summary>
public sealed class Falling_back_when_not_understood
{
    public static TheoryData<string, string, bool, Turn[]> ThreeTimes => new()
    {
        {
            ErikaToken, "de", true,
            [
                new Turn("xyzzy blorp", new Reply("common.not_understood")),
                new Turn("qwertz asdf", new Reply("common.not_understood_again", WithMenu: true)),
                new Turn("fnord", new Reply("common.offer_person")),
                new Turn("Ja", new Reply("main.human_requested", new { respond_when = "morgen, 10 Uhr" })),
            ]
        },
        {
            JohnToken, "en", false,
            [
                new Turn("xyzzy blorp", new Reply("common.not_understood")),
                new Turn("qwertz asdf", new Reply("common.not_understood_again", WithMenu: true)),
                new Turn("fnord", new Reply("common.offer_person")),
                new Turn("No", new Reply("main.person_declined", WithMenu: true)),
                new Turn("zzz", new Reply("common.not_understood")),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(ThreeTimes))]
    public async Task Not_understood_three_times_offers_a_person(string token, string language, bool accepted, Turn[] transcript)
    {
        var harness = new ConversationHarness();
        await harness.JoinAsync(token, "de-DE");
        await harness.PlayAsync(transcript);

        Assert.Equal(language, harness.Link!.Language);
        if (accepted)
        {
            Assert.Equal(EscalationReason.NotUnderstood, Assert.Single(harness.Escalations.All).Reason);
            Assert.Equal(HandoffState.Pending, harness.Link.Handoff);
        }
        else
        {
            Assert.Empty(harness.Escalations.All);
            Assert.Equal(HandoffState.Bot, harness.Link.Handoff);
        }
    }

    [Fact]
    public async Task An_understood_message_resets_the_count()
    {
        var harness = new ConversationHarness();
        await harness.JoinAsync(ErikaToken, "de-DE");
        await harness.PlayAsync(
        [
            new Turn("xyzzy blorp", new Reply("common.not_understood")),
            new Turn("Danke", new Reply("main.thanks")),
            new Turn("qwertz asdf", new Reply("common.not_understood")),
        ]);
    }

    [Fact]
    public async Task An_intent_no_dialog_handles_gets_an_honest_answer_and_a_person_is_told()
    {
        var harness = new ConversationHarness();
        await harness.JoinAsync(ErikaToken, "de-DE");
        await harness.PlayAsync([new Turn("Wie viel muss ich noch bezahlen?", new Reply("main.no_dialog"))]);
        var escalation = Assert.Single(harness.Escalations.All);
        Assert.Equal(EscalationReason.NotUnderstood, escalation.Reason);
        Assert.Contains("ask_amount", escalation.Detail, StringComparison.Ordinal);
    }
}
