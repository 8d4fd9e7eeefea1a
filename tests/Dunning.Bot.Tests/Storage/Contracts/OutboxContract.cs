using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The outbox: one entry per key, enqueue and case advance together, leases that two dispatchers never share.</summary>
public abstract class OutboxContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private static readonly DateTimeOffset Now = Samples.Moment;

    private static OutboxEntry Entry(string key, string debtorId = "D-1", DateTimeOffset? due = null) => new()
    {
        Key = key, DebtorId = debtorId, Kind = OutboxKinds.Reminder, Channel = "webchat", ConversationKey = "webchat/" + debtorId,
        Language = "de", MessageKey = "reminder_friendly", Text = "Guten Tag", CreatedAt = due ?? Now, NextAttemptAt = due ?? Now,
        Items = [new OutboxItem("RE-1", 1, 0, new DateOnly(2026, 12, 1))],
    };

    private async Task<DunningCase> CaseAsync(string debtorId)
    {
        var dunningCase = new DunningCase { DebtorId = debtorId, NextActionAt = Now };
        await Storage.Cases.SaveAsync(dunningCase, None);
        return dunningCase;
    }

    [ContractFact]
    public async Task An_enqueue_writes_the_entry_and_advances_the_case_together()
    {
        var dunningCase = await CaseAsync("D-1");
        dunningCase.Advance("RE-1", 1);

        Assert.True(await Storage.Outbox.EnqueueAsync(Entry("k1"), dunningCase, None));

        var stored = (await SecondHost().Outbox.FindAsync("k1", None))!;
        Assert.Equal((1, OutboxStatus.Pending, "Guten Tag", new DateOnly(2026, 12, 1)), (stored.Version, stored.Status, stored.Text, stored.Items[0].Deadline));
        Assert.Equal((1, 2), ((await Storage.Cases.FindAsync("D-1", None))!.StageOf("RE-1"), dunningCase.Version));
    }

    [ContractFact]
    public async Task The_same_key_is_refused_and_a_stale_case_writes_nothing()
    {
        var dunningCase = await CaseAsync("D-1");
        Assert.True(await Storage.Outbox.EnqueueAsync(Entry("k1"), dunningCase, None));
        dunningCase.NextActionAt = Now.AddYears(1);

        Assert.False(await Storage.Outbox.EnqueueAsync(Entry("k1"), dunningCase, None));
        var stale = (await Storage.Cases.FindAsync("D-1", None))!;
        await Storage.Cases.TouchAsync("D-1", Now.AddMinutes(-1), None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Storage.Outbox.EnqueueAsync(Entry("k2"), stale, None));

        Assert.Equal(["k1"], (await Storage.Outbox.ListByDebtorAsync("D-1", None)).Select(e => e.Key));
        Assert.NotEqual(Now.AddYears(1), (await Storage.Cases.FindAsync("D-1", None))!.NextActionAt);
    }

    [ContractFact]
    public async Task A_page_lands_write_by_write_and_says_which_did()
    {
        var fresh = await CaseAsync("D-1");
        var stale = await CaseAsync("D-2");
        await Storage.Cases.TouchAsync("D-2", Now.AddMinutes(-5), None);
        stale.Version = 1;
        var taken = await CaseAsync("D-3");
        Assert.True(await Storage.Outbox.EnqueueAsync(Entry("taken", "D-3"), taken, None));
        var twice = new DunningCase { DebtorId = "D-1", Version = fresh.Version };
        var created = new DunningCase { DebtorId = "D-4", NextActionAt = Now };

        var landed = await Storage.Outbox.CommitAsync([
            new PendingWrite(fresh, Entry("a", "D-1")),
            new PendingWrite(stale, Entry("b", "D-2")),
            new PendingWrite(taken, Entry("taken", "D-3")),
            new PendingWrite(twice, Entry("c", "D-1")),
            new PendingWrite(created, null),
        ], None);

        Assert.Equal([true, false, false, false, true], landed);
        Assert.Equal(["a", "taken"], (await Storage.Outbox.ListByDebtorsAsync(["D-1", "D-2", "D-3"], None)).Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal((2, 1), (fresh.Version, created.Version));
        Assert.NotNull(await Storage.Cases.FindAsync("D-4", None));
    }

    [ContractFact]
    public async Task Leases_take_due_entries_oldest_first_and_an_expired_lease_again()
    {
        var dunningCase = await CaseAsync("D-1");
        await Storage.Outbox.CommitAsync([new PendingWrite(dunningCase, Entry("later", due: Now.AddMinutes(-1)))], None);
        var second = (await Storage.Cases.FindAsync("D-1", None))!;
        await Storage.Outbox.CommitAsync([new PendingWrite(second, Entry("first", due: Now.AddMinutes(-2)))], None);
        var third = (await Storage.Cases.FindAsync("D-1", None))!;
        await Storage.Outbox.CommitAsync([new PendingWrite(third, Entry("future", due: Now.AddMinutes(5)))], None);

        var leased = await Storage.Outbox.LeaseAsync(Now, 10, TimeSpan.FromMinutes(1), None);

        Assert.Equal(["first", "later"], leased.Select(e => e.Key));
        Assert.All(leased, e => Assert.Equal((OutboxStatus.Sending, 1, Now.AddMinutes(1)), (e.Status, e.Attempts, e.LeaseUntil!.Value)));
        Assert.Empty(await Storage.Outbox.LeaseAsync(Now, 10, TimeSpan.FromMinutes(1), None));
        Assert.Equal((3, Now.AddMinutes(1)), (await Storage.Outbox.CountOpenAsync(None), (await Storage.Outbox.NextAttemptAsync(None))!.Value));
        var again = await Storage.Outbox.LeaseAsync(Now.AddMinutes(2), 1, TimeSpan.FromMinutes(1), None);
        Assert.Equal(("first", 2), (again.Single().Key, again.Single().Attempts));
    }

    [ContractFact]
    public async Task Two_dispatchers_leasing_at_once_never_take_the_same_entry()
    {
        var writes = new List<PendingWrite>();
        for (var i = 0; i < 60; i++)
            writes.Add(new PendingWrite(new DunningCase { DebtorId = $"D-{i:00}" }, Entry($"k{i:00}", $"D-{i:00}", Now.AddSeconds(-i))));
        Assert.All(await Storage.Outbox.CommitAsync(writes, None), Assert.True);
        var other = SecondHost();

        var batches = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Storage : other).Outbox.LeaseAsync(Now, 10, TimeSpan.FromMinutes(1), None))));

        var keys = batches.SelectMany(b => b.Select(e => e.Key)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        // Whatever a busy round left is there for the next one: nothing is lost either.
        keys.AddRange((await Storage.Outbox.LeaseAsync(Now, 100, TimeSpan.FromMinutes(1), None)).Select(e => e.Key));
        Assert.Equal(60, keys.Distinct().Count());
        Assert.Equal(60, keys.Count);
    }

    [ContractFact]
    public async Task A_completion_after_the_lease_was_lost_writes_nothing()
    {
        var dunningCase = await CaseAsync("D-1");
        await Storage.Outbox.EnqueueAsync(Entry("k1"), dunningCase, None);
        var mine = (await Storage.Outbox.LeaseAsync(Now, 1, TimeSpan.FromMinutes(1), None)).Single();
        var theirs = (await SecondHost().Outbox.LeaseAsync(Now.AddMinutes(2), 1, TimeSpan.FromMinutes(1), None)).Single();

        mine.Status = OutboxStatus.Sent;
        mine.SentAt = Now;
        Assert.False(await Storage.Outbox.CompleteAsync(mine, null, None));

        theirs.Status = OutboxStatus.Sent;
        theirs.SentAt = Now.AddMinutes(2);
        theirs.Receipt = "r-1";
        Assert.True(await SecondHost().Outbox.CompleteAsync(theirs, null, None));
        var stored = (await Storage.Outbox.FindAsync("k1", None))!;
        Assert.Equal((OutboxStatus.Sent, null, null, Now.AddMinutes(2)), (stored.Status, stored.LeaseId, stored.LeaseUntil, stored.SentAt));
        Assert.Equal(0, await Storage.Outbox.CountOpenAsync(None));
        Assert.Equal(["k1"], (await Storage.Receipts.ListAwaitingReceiptAsync("webchat/D-1", None)).Select(e => e.Key));
        Assert.Equal(["k1"], (await Storage.Receipts.ListFallbackDueAsync(Now.AddMinutes(3), 10, None)).Select(e => e.Key));
        Assert.Empty(await Storage.Receipts.ListFallbackDueAsync(Now.AddMinutes(1), 10, None));
    }
}
