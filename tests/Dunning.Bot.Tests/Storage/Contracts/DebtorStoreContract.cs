using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Debtors: every field kept, access codes and link tokens unique and exact, versioned saves.</summary>
public abstract class DebtorStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    [ContractFact]
    public async Task A_debtor_comes_back_with_every_field_and_contact()
    {
        var debtor = Samples.Debtor();
        await Storage.Debtors.SaveAsync(debtor, None);

        var loaded = (await SecondHost().Debtors.FindAsync("D-1", None))!;

        Assert.Equal(("Müller & Söhne GmbH", DebtorKind.Business, "en", "America/New_York", "US", "NY", "ap@example.com"),
            (loaded.Name, loaded.Kind, loaded.Language, loaded.TimeZone, loaded.Country, loaded.State, loaded.Email));
        Assert.Equal((debtor.AccessCode, debtor.LinkToken, 1, 1), (loaded.AccessCode, loaded.LinkToken, loaded.Version, debtor.Version));
        Assert.Collection(loaded.Contacts,
            c => Assert.Equal((ChannelKind.Telegram, "123456789", Samples.Moment), (c.Channel, c.Address, c.OptedOutAt!.Value)),
            c => Assert.Equal((ChannelKind.Teams, Samples.Moment.AddDays(1), "blocked"), (c.Channel, c.DeadSince!.Value, c.DeadReason)));
    }

    [ContractFact]
    public async Task A_second_debtor_with_a_taken_access_code_or_link_token_is_refused_and_not_written()
    {
        await Storage.Debtors.SaveAsync(Samples.Debtor("D-1", accessCode: "K7M2P9QX"), None);
        var sameCode = Samples.Debtor("D-2", accessCode: "K7M2P9QX");
        var sameToken = Samples.Debtor("D-3");
        sameToken.LinkToken = (await Storage.Debtors.FindAsync("D-1", None))!.LinkToken;

        await Assert.ThrowsAsync<UniqueValueException>(() => Storage.Debtors.SaveAsync(sameCode, None));
        await Assert.ThrowsAsync<UniqueValueException>(() => Storage.Debtors.SaveAsync(sameToken, None));

        Assert.Equal(["D-1"], (await Storage.Debtors.ListAsync(None)).Select(d => d.Id));
        Assert.Equal((0, 0), (sameCode.Version, sameToken.Version));
    }

    [ContractFact]
    public async Task Lookups_by_access_code_and_link_token_are_exact()
    {
        var debtor = Samples.Debtor("D-1", accessCode: "K7M2P9QX");
        await Storage.Debtors.SaveAsync(debtor, None);

        Assert.Equal("D-1", (await Storage.Debtors.FindByAccessCodeAsync("K7M2P9QX", None))?.Id);
        Assert.Equal("D-1", (await Storage.Debtors.FindByLinkTokenAsync(debtor.LinkToken, None))?.Id);
        Assert.Null(await Storage.Debtors.FindByLinkTokenAsync(debtor.LinkToken.ToUpperInvariant(), None));
        Assert.Null(await Storage.Debtors.FindByAccessCodeAsync("k7m2p9qx", None));
        Assert.Equal(["K7M2P9QX"], await Storage.Debtors.AccessCodesInUseAsync(["K7M2P9QX", "ZZZZ9999"], None));
    }

    [ContractFact]
    public async Task A_save_from_a_stale_read_or_of_an_existing_id_as_new_is_a_conflict()
    {
        await Storage.Debtors.SaveAsync(Samples.Debtor("D-1"), None);
        var stale = (await Storage.Debtors.FindAsync("D-1", None))!;
        await Storage.Debtors.UpdateAsync("D-1", d => d.Name = "Neu", None);

        stale.Name = "Alt";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Debtors.SaveAsync(stale, None));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Debtors.SaveAsync(Samples.Debtor("D-1"), None));

        var stored = (await Storage.Debtors.FindAsync("D-1", None))!;
        Assert.Equal(("Neu", 2), (stored.Name, stored.Version));
    }

    [ContractFact]
    public async Task Many_debtors_are_found_in_one_call_and_missing_ones_left_out()
    {
        for (var i = 1; i <= 3; i++)
            await Storage.Debtors.SaveAsync(Samples.Debtor($"D-{i}"), None);

        Assert.Equal(["D-1", "D-3"], (await Storage.Debtors.FindManyAsync(["D-3", "D-1", "D-9"], None)).Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Empty(await Storage.Debtors.FindManyAsync([], None));
    }
}
