using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// <see cref="ITeamsStore"/>: a trusted serviceUrl is kept once however often it is saved and survives a restart; the
/// owner's alert chat is empty until bound, and the latest binding wins with its whole conversation reference.
/// </summary>
public abstract class TeamsStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private ITeamsStore Store => Get<ITeamsStore>();

    [ContractFact]
    public void Nothing_is_trusted_at_first_and_a_saved_url_is_kept_once_across_a_restart()
    {
        Assert.Empty(Store.LoadTrustedServiceUrls());

        Store.SaveTrustedServiceUrl("https://smba.trafficmanager.net/emea/", Clock.GetUtcNow());
        Store.SaveTrustedServiceUrl("https://smba.trafficmanager.net/emea/", Clock.GetUtcNow().AddHours(1));
        Store.SaveTrustedServiceUrl("https://smba.trafficmanager.net/amer/", Clock.GetUtcNow());
        Reopen();

        Assert.Equal(["https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/emea/"], Store.LoadTrustedServiceUrls().Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public void No_owner_until_bound_then_the_latest_binding_with_its_reference()
    {
        Assert.Null(Store.FindOwner());
        Store.SaveOwner(new OwnerBinding(Reference("a:first"), "de", Clock.GetUtcNow()));
        Store.SaveOwner(new OwnerBinding(Reference("a:second"), "en", Clock.GetUtcNow().AddMinutes(3)));

        Reopen();

        var owner = Assert.IsType<OwnerBinding>(Store.FindOwner());
        Assert.Equal(("a:second", "https://smba.trafficmanager.net/emea/", "msteams", "29:owner"),
            (owner.Reference.Conversation!.Id, owner.Reference.ServiceUrl, owner.Reference.ChannelId, owner.Reference.User!.Id));
        Assert.Equal("en", owner.Language);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(3), owner.BoundAt, TimeSpan.FromMilliseconds(1));
    }

    private static ConversationReference Reference(string conversation) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        Conversation = new ConversationAccount(conversation, "personal"),
        User = new ChannelAccount("29:owner", "Olga Owner"),
        Bot = new ChannelAccount("28:bot", "Dunning"),
    };
}
