using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// <see cref="ITeamsStore"/>: a trusted serviceUrl is kept once however often it is saved and survives a restart; the
/// owner's alert chat is empty until bound, and the latest binding wins with its whole conversation reference. A processed
/// delivery is remembered once (across hosts), with the turn's unit of work, until it is older than the window.
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

    [ContractFact]
    public async Task A_delivery_is_remembered_once_with_its_status_across_a_restart_and_on_another_host()
    {
        var now = Clock.GetUtcNow();
        Assert.Null(await Store.FindDeliveryAsync("k1", None));

        Assert.True(await Store.RecordDeliveryAsync("k1", 202, now, now.AddMinutes(-10), None));
        Assert.False(await Store.RecordDeliveryAsync("k1", 200, now, now.AddMinutes(-10), None));
        Reopen();

        Assert.Equal(202, await Store.FindDeliveryAsync("k1", None));
        Assert.Equal(202, await SecondHost().Teams.FindDeliveryAsync("k1", None));
        Assert.Null(await Store.FindDeliveryAsync("k2", None));
    }

    [ContractFact]
    public async Task A_delivery_recorded_in_a_unit_of_work_lands_at_its_commit_or_not_at_all()
    {
        var now = Clock.GetUtcNow();
        await using (Storage.BeginTurn())
            Assert.True(await Store.RecordDeliveryAsync("failed", 200, now, now.AddMinutes(-10), None));
        Assert.Null(await Store.FindDeliveryAsync("failed", None));

        await using (var turn = Storage.BeginTurn())
        {
            Assert.True(await Store.RecordDeliveryAsync("failed", 200, now, now.AddMinutes(-10), None));
            await turn.CommitAsync(None);
        }
        Assert.Equal(200, await Store.FindDeliveryAsync("failed", None));
    }

    [ContractFact]
    public async Task Deliveries_older_than_the_window_are_forgotten_by_the_next_record()
    {
        var start = Clock.GetUtcNow();
        await Store.RecordDeliveryAsync("early", 200, start, start.AddMinutes(-10), None);
        await Store.RecordDeliveryAsync("later", 200, start.AddMinutes(5), start.AddMinutes(-5), None);

        await Store.RecordDeliveryAsync("latest", 200, start.AddMinutes(11), start.AddMinutes(1), None);

        Assert.Null(await Store.FindDeliveryAsync("early", None));
        Assert.Equal(200, await Store.FindDeliveryAsync("later", None));
        Assert.Equal(200, await Store.FindDeliveryAsync("latest", None));
    }

    [ContractFact]
    public async Task Of_two_hosts_recording_one_delivery_at_once_exactly_one_succeeds()
    {
        var now = Clock.GetUtcNow();
        var (first, second) = (Store, SecondHost().Teams);

        var recorded = await Task.WhenAll(
            Task.Run(() => first.RecordDeliveryAsync("same", 200, now, now.AddMinutes(-10), None)),
            Task.Run(() => second.RecordDeliveryAsync("same", 200, now, now.AddMinutes(-10), None)));

        Assert.Single(recorded, r => r);
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
