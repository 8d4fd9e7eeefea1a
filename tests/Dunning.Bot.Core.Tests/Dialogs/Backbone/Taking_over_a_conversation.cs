using Dunning.Bot.Core.Domain;
using static Dunning.Bot.Core.Tests.Dialogs.Backbone.Samples;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>While a person owns the conversation the bot is silent, yet records everything; handed back, it starts fresh.</summary>
public sealed class Taking_over_a_conversation
{
    public static TheoryData<string, string, string, string> Messages => new()
    {
        { ErikaToken, "Ich brauche mehr Zeit", "Hallo? Ist da jemand?", "Danke" },
        { JohnToken, "I need more time", "Hello? Anyone there?", "thanks" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task A_takeover_mid_dialog_silences_the_bot_but_not_the_transcript(string token, string start, string duringTakeover, string afterHandBack)
    {
        var harness = new ConversationHarness(dialogs: [new ProbeDialog()]);
        await harness.JoinAsync(token, "de-DE");
        await harness.PlayAsync([new Turn(start, Reply.Text(ProbeDialog.Question))]);

        harness.Conversations.Change(harness.Key, l => (l.Handoff, l.HandoffOwner) = (HandoffState.Human, "staff:anna"));
        await harness.PlayAsync([new Turn(duringTakeover), new Turn("Ich möchte mit einem Menschen sprechen"), new Turn("/stop")]);
        Assert.Contains(harness.Transcripts.All, e => e is { Direction: TranscriptDirection.Inbound } && e.Text == duringTakeover && e.DebtorId == harness.Link!.DebtorId);
        Assert.Empty(harness.Escalations.All);
        Assert.Equal(HandoffState.Human, harness.Link!.Handoff);
        Assert.Equal("staff:anna", harness.Link.HandoffOwner);
        Assert.True(harness.Debtor(harness.Link.DebtorId!).Contact(ChannelKind.WebChat)!.CanReceiveProactive);

        harness.Conversations.Change(harness.Key, l => (l.Handoff, l.HandoffOwner) = (HandoffState.Bot, null));
        await harness.PlayAsync([new Turn(afterHandBack, new Reply("main.thanks"))]);
    }

    [Fact]
    public async Task A_takeover_saved_while_a_turn_runs_is_kept_and_the_turns_changes_are_reapplied()
    {
        var harness = new ConversationHarness();
        await harness.JoinAsync(ErikaToken, "de-DE");
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        harness.Conversations.BeforeNextSave = l => (l.Handoff, l.HandoffOwner) = (HandoffState.Human, "staff:anna");

        await harness.SayAsync("Hello, I would prefer to continue in English please");

        var link = harness.Link!;
        Assert.Equal(HandoffState.Human, link.Handoff);
        Assert.Equal("staff:anna", link.HandoffOwner);
        Assert.Equal("en", link.Language);
        Assert.Equal(harness.Clock.GetUtcNow(), link.LastInboundAt);
    }
}
