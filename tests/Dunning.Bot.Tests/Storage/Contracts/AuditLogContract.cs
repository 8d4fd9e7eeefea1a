using Dunning.Bot.Staff.Audit;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// <see cref="IAuditLog"/>: entries come back whole, newest first in the order they were written (also within one
/// instant), limited, and filtered by debtor when asked; they survive a restart.
/// </summary>
public abstract class AuditLogContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private IAuditLog Log => Get<IAuditLog>();

    [ContractFact]
    public async Task An_entry_comes_back_whole_after_a_restart()
    {
        var at = Clock.GetUtcNow();
        await Log.WriteAsync(new AuditEntry(at, "olga", "pause", "invoice RE-1", "{\"paused\":false}", "{\"paused\":true}") { DebtorId = "K-1" }, None);
        Reopen();

        var entry = Assert.Single(await Log.ListAsync(null, 10, None));
        Assert.Equal(("olga", "pause", "invoice RE-1", "{\"paused\":false}", "{\"paused\":true}", "K-1"),
            (entry.Actor, entry.Action, entry.Target, entry.Before, entry.After, entry.DebtorId));
        Assert.Equal(at, entry.At, TimeSpan.FromMilliseconds(1));
    }

    [ContractFact]
    public async Task Entries_come_newest_first_in_writing_order_within_one_instant_and_limited()
    {
        await Log.WriteAsync(Entry("first", "K-1"), None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Log.WriteAsync(Entry("second", "K-1"), None);
        await Log.WriteAsync(Entry("third", null), None);

        Assert.Equal(["third", "second", "first"], (await Log.ListAsync(null, 10, None)).Select(e => e.Action));
        Assert.Equal(["third", "second"], (await Log.ListAsync(null, 2, None)).Select(e => e.Action));
    }

    [ContractFact]
    public async Task A_debtors_trail_shows_only_that_debtors_entries()
    {
        await Log.WriteAsync(Entry("a", "K-1"), None);
        await Log.WriteAsync(Entry("b", "K-2"), None);
        await Log.WriteAsync(Entry("c", null), None);
        await Log.WriteAsync(Entry("d", "K-1"), None);

        Assert.Equal(["d", "a"], (await Log.ListAsync("K-1", 10, None)).Select(e => e.Action));
        Assert.Empty(await Log.ListAsync("K-9", 10, None));
    }

    private AuditEntry Entry(string action, string? debtorId) =>
        new(Clock.GetUtcNow(), "anna", action, "case", null, null) { DebtorId = debtorId };
}
