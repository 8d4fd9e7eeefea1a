using System.Text;
using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Privacy;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// <see cref="IConversationPurge"/>: an unbound conversation goes with its link, bot state and transcript — other
/// conversations stay; a conversation bound to a debtor keeps everything; purging what is not there is done.
/// </summary>
public abstract class ConversationPurgeContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private IConversationPurge Purge => Get<IConversationPurge>();

    [ContractFact]
    public async Task An_unbound_conversation_goes_with_its_state_and_transcript_and_others_stay()
    {
        await SeedAsync("gone", debtorId: null);
        await SeedAsync("other", debtorId: null);

        Assert.True(await Purge.PurgeUnboundAsync("webchat", "gone", None));

        Assert.Null(await Get<IConversationStore>().FindAsync(Key("gone"), None));
        Assert.Empty(await Get<ITranscriptStore>().ListAsync(Key("gone"), null, 10, None));
        Assert.Empty(await Get<IStorage>().ReadAsync([ConversationState.KeyFor("webchat", "gone")], None));
        Assert.NotNull(await Get<IConversationStore>().FindAsync(Key("other"), None));
        Assert.Single(await Get<ITranscriptStore>().ListAsync(Key("other"), null, 10, None));
        Assert.Single(await Get<IStorage>().ReadAsync([ConversationState.KeyFor("webchat", "other")], None));
    }

    [ContractFact]
    public async Task A_bound_conversation_keeps_everything()
    {
        await SeedAsync("bound", debtorId: "K-1");

        Assert.False(await Purge.PurgeUnboundAsync("webchat", "bound", None));

        Assert.True((await Get<IConversationStore>().FindAsync(Key("bound"), None))!.IsLinked);
        Assert.Single(await Get<ITranscriptStore>().ListAsync(Key("bound"), null, 10, None));
        Assert.Single(await Get<IStorage>().ReadAsync([ConversationState.KeyFor("webchat", "bound")], None));
    }

    [ContractFact]
    public async Task Purging_a_conversation_that_left_nothing_is_done()
    {
        Assert.True(await Purge.PurgeUnboundAsync("webchat", "never", None));
    }

    private async Task SeedAsync(string conversationId, string? debtorId)
    {
        var link = new ConversationLink
        {
            Key = Key(conversationId),
            Channel = "webchat",
            Reference = new ConversationReference { ChannelId = "webchat", Conversation = new ConversationAccount(conversationId) },
        };
        if (debtorId is not null)
            link.LinkTo(debtorId, Clock.GetUtcNow());
        await Get<IConversationStore>().SaveAsync(link, None);
        await Get<ITranscriptStore>().AppendAsync(new TranscriptEntry(Key(conversationId), debtorId, Clock.GetUtcNow(), TranscriptDirection.Inbound, "message", "hallo"), None);
        await Get<IStorage>().WriteAsync(new Dictionary<string, StoreItem>
        {
            [ConversationState.KeyFor("webchat", conversationId)] = new StoreItem(Encoding.UTF8.GetBytes("{\"dialogStack\":[]}"), null),
        }, None);
    }

    private static string Key(string conversationId) => ConversationLink.KeyFor("webchat", conversationId);
}
