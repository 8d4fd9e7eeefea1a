using Dunning.Bot.Core.Domain;
using static Dunning.Bot.Core.Tests.Dialogs.Backbone.Samples;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>request_human, stop_contact, help and cancel work in the middle of any dialog.</summary>
public sealed class Interrupting_a_dialog
{
    private static ConversationHarness Linked(string debtorToken)
    {
        var harness = new ConversationHarness(dialogs: [new ProbeDialog()]);
        harness.JoinAsync(debtorToken, "de-DE").GetAwaiter().GetResult();
        return harness;
    }

    // Raised 26 Nov 09:00 UTC with a 24-hour target: 27 Nov 10:00 in Berlin, 09:00 in London.
    public static TheoryData<string, Turn[]> AskingForAPerson => new()
    {
        {
            ErikaToken,
            [
                new Turn("Ich brauche mehr Zeit", Reply.Text(ProbeDialog.Question)),
                new Turn("Ich möchte mit einem Menschen sprechen", new Reply("main.human_requested", new { respond_when = "morgen, 10 Uhr" })),
                new Turn("Danke", new Reply("main.thanks")),
            ]
        },
        {
            JohnToken,
            [
                new Turn("I need more time", Reply.Text(ProbeDialog.Question)),
                new Turn("I want to talk to a real person", new Reply("main.human_requested", new { respond_when = "tomorrow, 9 am" })),
                new Turn("thank you", new Reply("main.thanks")),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(AskingForAPerson))]
    public async Task Asking_for_a_person_mid_dialog_escalates_and_says_when_a_person_answers(string token, Turn[] transcript)
    {
        var harness = Linked(token);
        await harness.PlayAsync(transcript);

        Assert.Equal(HandoffState.Pending, harness.Link!.Handoff);
        var escalation = Assert.Single(harness.Escalations.All);
        Assert.Equal(EscalationReason.RequestHuman, escalation.Reason);
        Assert.Equal(harness.Key, escalation.ConversationKey);
        Assert.Single(harness.Notifier.Alerts);
    }

    [Fact]
    public async Task While_pending_the_bot_answers_and_says_once_that_a_person_will_get_back()
    {
        var harness = Linked(ErikaToken);
        harness.Conversations.Change(harness.Key, l => l.Handoff = HandoffState.Pending);
        await harness.PlayAsync(
        [
            new Turn("Guten Tag", new Reply("main.greeting", new { name = "Erika Mustermann", address = "Erika Mustermann" }, WithMenu: true), new Reply("main.pending_note")),
            new Turn("Guten Tag", new Reply("main.greeting", new { name = "Erika Mustermann", address = "Erika Mustermann" }, WithMenu: true)),
        ]);
        Assert.Equal(HandoffState.Pending, harness.Link!.Handoff);
    }

    public static TheoryData<string, Turn[]> OptingOut => new()
    {
        {
            ErikaToken,
            [
                new Turn("Ich brauche mehr Zeit", Reply.Text(ProbeDialog.Question)),
                new Turn("Bitte schreiben Sie mir nicht mehr", new Reply("main.opted_out")),
                new Turn("Ich brauche mehr Zeit", Reply.Text(ProbeDialog.Question)),
                new Turn("/stop", new Reply("main.already_opted_out")),
            ]
        },
        {
            JohnToken,
            [
                new Turn("Please stop contacting me", new Reply("main.opted_out")),
                new Turn("I need more time", Reply.Text(ProbeDialog.Question)),
                new Turn("/stop", new Reply("main.already_opted_out")),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(OptingOut))]
    public async Task Opting_out_stops_proactive_messages_on_this_channel_but_the_debtor_can_still_write(string token, Turn[] transcript)
    {
        var harness = Linked(token);
        await harness.PlayAsync(transcript);

        var debtorId = harness.Link!.DebtorId!;
        var contact = harness.Debtor(debtorId).Contact(ChannelKind.WebChat)!;
        Assert.Equal(harness.Clock.GetUtcNow(), contact.OptedOutAt);
        Assert.False(contact.CanReceiveProactive);
        Assert.Equal([CaseActionKinds.Linked, CaseActionKinds.OptOut, CaseActionKinds.Escalation], harness.Cases.KindsOf(debtorId));
        Assert.Equal(EscalationReason.OptOut, Assert.Single(harness.Escalations.All).Reason);
    }

    public static TheoryData<string, Turn[]> HelpAndCancel => new()
    {
        {
            ErikaToken,
            [
                new Turn("Ich brauche mehr Zeit", Reply.Text(ProbeDialog.Question)),
                new Turn("Hilfe", new Reply("common.help"), Reply.Text(ProbeDialog.Question)),
                new Turn("Abbrechen", new Reply("main.cancelled", WithMenu: true)),
                new Turn("Hilfe", new Reply("common.help", WithMenu: true)),
            ]
        },
        {
            JohnToken,
            [
                new Turn("I need more time", Reply.Text(ProbeDialog.Question)),
                new Turn("/help", new Reply("common.help"), Reply.Text(ProbeDialog.Question)),
                new Turn("next friday", Reply.Text(ProbeDialog.Confirmation("next friday"))),
                new Turn("Cancel", new Reply("main.cancelled", WithMenu: true)),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(HelpAndCancel))]
    public async Task Help_repeats_the_open_question_and_cancel_ends_the_dialog(string token, Turn[] transcript)
    {
        var harness = Linked(token);
        await harness.PlayAsync(transcript);
        Assert.Empty(harness.Escalations.All);
        Assert.Equal(HandoffState.Bot, harness.Link!.Handoff);
    }
}
