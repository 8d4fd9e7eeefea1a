using Dunning.Bot.Banking;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Bank bookings for review: added once per key, open ones oldest first, resolved once.</summary>
public abstract class BankReviewStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    // LiteDB keeps the receipt time to the millisecond: the contract asks no more.
    private static readonly DateTimeOffset Received = new(2026, 11, 26, 8, 30, 15, 123, TimeSpan.Zero);

    private static BankImportItem Item(string key) => new(key, "RE-1", new DateOnly(2026, 11, 2), 119.01m, "EUR", "Eva Muster", "RE-1 und RE-2",
        "ambiguous", ["RE-1", "RE-2"])
    { PayerIban = "DE89370400440532013000", Confidence = 0.55m, Split = [100m, 19.01m] };

    [ContractFact]
    public async Task A_booking_is_added_once_and_comes_back_whole()
    {
        Assert.Equal(2, await Storage.BankReview.AddManyAsync([Item("b-1"), Item("b-2"), Item("b-1")], Received, None));
        Assert.False(await Storage.BankReview.AddAsync(Item("b-2"), Received, None));

        var entry = (await SecondHost().BankReview.FindAsync("b-1", None))!;

        Assert.Equal((119.01m, "DE89370400440532013000", 0.55m, Received), (entry.Item.Amount, entry.Item.PayerIban, entry.Item.Confidence, entry.ReceivedAt));
        Assert.Equal(["RE-1", "RE-2"], entry.Item.Suggestions);
        Assert.Equal([100m, 19.01m], entry.Item.Split!);
        Assert.Null(entry.Resolution);
    }

    [ContractFact]
    public async Task Open_bookings_come_oldest_first_and_a_booking_is_resolved_only_once()
    {
        await Storage.BankReview.AddAsync(Item("b-late"), Received.AddHours(1), None);
        await Storage.BankReview.AddAsync(Item("b-early"), Received, None);
        var resolution = new BankReviewResolution(BankReviewOutcome.Assigned, ["RE-1"], "anna", Received.AddHours(2), "telefonisch geklärt");

        Assert.True(await Storage.BankReview.ResolveAsync("b-early", resolution, None));
        Assert.False(await SecondHost().BankReview.ResolveAsync("b-early", resolution with { By = "ben" }, None));
        Assert.False(await Storage.BankReview.ResolveAsync("missing", resolution, None));

        Assert.Equal(["b-late"], (await Storage.BankReview.ListAsync(None)).Select(e => e.Item.Key));
        Assert.Equal(("anna", "telefonisch geklärt"), ((await Storage.BankReview.FindAsync("b-early", None))!.Resolution!.By, (await Storage.BankReview.FindAsync("b-early", None))!.Resolution!.Note));
    }
}
