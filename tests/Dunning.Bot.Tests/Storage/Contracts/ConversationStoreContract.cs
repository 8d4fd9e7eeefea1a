using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Conversation links: by key, by debtor (most recent first), handed-off ones; versioned saves.</summary>
public abstract class ConversationStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    internal static ConversationLink Link(string key, string? debtorId = null, DateTimeOffset? lastInbound = null)
    {
        var link = new ConversationLink
        {
            Key = key,
            Channel = "webchat",
            Reference = new ConversationReference { ChannelId = "webchat", ServiceUrl = "https://example.com/", Conversation = new ConversationAccount { Id = key } },
            LastInboundAt = lastInbound,
        };
        if (debtorId is not null)
            link.LinkTo(debtorId, Samples.Moment);
        return link;
    }

    [ContractFact]
    public async Task A_link_comes_back_bound_with_its_reference()
    {
        var link = Link("webchat/c-1", "D-1");
        link.Language = "en";
        link.FailedCodeAttempts = 2;
        await Storage.Conversations.SaveAsync(link, None);

        var loaded = (await SecondHost().Conversations.FindAsync("webchat/c-1", None))!;

        Assert.Equal(("D-1", Samples.Moment, "en", 2, 1), (loaded.DebtorId, loaded.LinkedAt!.Value, loaded.Language, loaded.FailedCodeAttempts, loaded.Version));
        Assert.Equal(("webchat", "https://example.com/", "webchat/c-1"), (loaded.Reference.ChannelId, loaded.Reference.ServiceUrl, loaded.Reference.Conversation!.Id));
        Assert.Null(await Storage.Conversations.FindAsync("webchat/other", None));
    }

    [ContractFact]
    public async Task A_save_from_a_stale_read_is_a_conflict_and_changes_nothing()
    {
        await Storage.Conversations.SaveAsync(Link("webchat/c-1"), None);
        var mine = (await Storage.Conversations.FindAsync("webchat/c-1", None))!;
        var theirs = (await SecondHost().Conversations.FindAsync("webchat/c-1", None))!;
        theirs.Handoff = HandoffState.Human;
        await SecondHost().Conversations.SaveAsync(theirs, None);

        mine.Language = "en";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Conversations.SaveAsync(mine, None));

        var stored = (await Storage.Conversations.FindAsync("webchat/c-1", None))!;
        Assert.Equal((HandoffState.Human, "de", 2), (stored.Handoff, stored.Language, stored.Version));
    }

    [ContractFact]
    public async Task A_debtors_links_come_most_recent_inbound_first()
    {
        await Storage.Conversations.SaveAsync(Link("webchat/old", "D-1", Samples.Moment), None);
        await Storage.Conversations.SaveAsync(Link("webchat/new", "D-1", Samples.Moment.AddHours(1)), None);
        await Storage.Conversations.SaveAsync(Link("webchat/else", "D-2", Samples.Moment), None);
        await Storage.Conversations.SaveAsync(Link("webchat/unbound"), None);

        Assert.Equal(["webchat/new", "webchat/old"], (await Storage.Conversations.ListByDebtorAsync("D-1", None)).Select(l => l.Key));
        Assert.Equal(["webchat/else", "webchat/new", "webchat/old"],
            (await Storage.Conversations.ListByDebtorsAsync(["D-1", "D-2", "D-9"], None)).Select(l => l.Key).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task Only_pending_and_human_handoffs_are_listed_as_handed_off()
    {
        foreach (var (key, state) in new[] { ("webchat/bot", HandoffState.Bot), ("webchat/pending", HandoffState.Pending), ("webchat/human", HandoffState.Human) })
        {
            var link = Link(key);
            link.Handoff = state;
            await Storage.Conversations.SaveAsync(link, None);
        }

        Assert.Equal(["webchat/human", "webchat/pending"],
            (await Storage.Conversations.ListHandedOffAsync(None)).Select(l => l.Key).Order(StringComparer.Ordinal));
    }
}
