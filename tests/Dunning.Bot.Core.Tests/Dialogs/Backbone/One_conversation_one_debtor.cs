using Dunning.Bot.Core.Domain;
using static Dunning.Bot.Core.Tests.Dialogs.Backbone.Samples;

namespace Dunning.Bot.Core.Tests.Dialogs.Backbone;

/// <summary>A chat belongs to exactly one debtor; a debtor may have several chats.</summary>
public sealed class One_conversation_one_debtor
{
    public static TheoryData<string, string, Turn[]> AnotherDebtorsToken => new()
    {
        {
            ChannelKind.WebChat, Erika,
            [
                new Turn("join:" + ErikaToken, new Reply("linking.linked", ErikaLinked, WithMenu: true)) { Locale = "de-DE" },
                new Turn("join:" + JohnToken, new Reply("linking.other_debtor")) { Locale = "en-GB" },
            ]
        },
        {
            ChannelKind.Telegram, John,
            [
                new Turn("/start " + JohnToken, new Reply("linking.linked", JohnLinked, WithMenu: true)),
                new Turn("/start " + ErikaToken, new Reply("linking.other_debtor")),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(AnotherDebtorsToken))]
    public async Task Another_debtors_token_is_refused_in_a_bound_chat(string channel, string debtorId, Turn[] transcript)
    {
        var harness = new ConversationHarness(channel);
        await harness.PlayAsync(transcript);

        Assert.Equal(debtorId, harness.Link!.DebtorId);
        var other = debtorId == Erika ? John : Erika;
        Assert.Null(harness.Debtor(other).Contact(channel));
        Assert.Empty(harness.Cases.KindsOf(other));
    }

    [Fact]
    public async Task One_debtor_may_link_several_chats()
    {
        var harness = new ConversationHarness();
        await harness.JoinAsync(ErikaToken, "de-DE");
        var first = harness.Key;
        harness.SwitchConversation("convo2");
        await harness.PlayAsync([new Turn("ABCD-2345", new Reply("linking.linked", ErikaLinked, WithMenu: true))]);

        Assert.Equal(Erika, harness.Conversations[first]!.DebtorId);
        Assert.Equal(Erika, harness.Link!.DebtorId);
        Assert.Equal(2, (await harness.Conversations.ListByDebtorAsync(Erika, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task The_same_token_again_welcomes_back_without_linking_twice()
    {
        var harness = new ConversationHarness();
        await harness.JoinAsync(ErikaToken, "de-DE");
        await harness.PlayAsync([new Turn("join:" + ErikaToken, new Reply("linking.welcome_back", new { name = "Erika Mustermann", address = "Erika Mustermann" }, WithMenu: true))]);
        Assert.Equal([CaseActionKinds.Linked], harness.Cases.KindsOf(Erika));
    }

    [Fact]
    public async Task A_group_chat_is_told_to_write_privately_and_never_linked()
    {
        var harness = new ConversationHarness(ChannelKind.Telegram);
        harness.Adapter.Conversation.Conversation = new Conversations.ConversationAccount("group-1", "group") { IsGroup = true };
        var replies = await harness.SayAsync("/start " + ErikaToken);
        Assert.Equal(RepositoryFiles.Catalogue.Render("common", "group_chat", "en"), Assert.Single(replies).Text);
        Assert.Null(harness.Link);
        Assert.Null(harness.Debtor(Erika).Contact(ChannelKind.Telegram));
    }
}
