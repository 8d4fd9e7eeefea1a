using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage;

public sealed class Due_cases_come_oldest_first : IDisposable
{
    private readonly LiteDbContext context = new(new MemoryStream());
    private readonly LiteCaseStore store;
    private readonly DateTimeOffset now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public Due_cases_come_oldest_first()
    {
        store = new LiteCaseStore(context);
    }

    [Fact]
    public async Task Only_cases_at_or_before_now_are_listed_in_order_up_to_the_limit()
    {
        await Save("late", now.AddDays(-3));
        await Save("exactly-now", now);
        await Save("later-today", now.AddTicks(1));
        await Save("nothing-pending", null);
        await Save("earliest", now.AddYears(-1));
        await Save("recent", now.AddMinutes(-1));
        // Another offset for the same instant order: 13:00+01:00 is 12:00Z, i.e. now.
        await Save("same-instant-other-offset", new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.FromHours(1)).AddTicks(-1));

        var all = await store.ListDueAsync(now, 100, CancellationToken.None);
        var firstTwo = await store.ListDueAsync(now, 2, CancellationToken.None);

        Assert.Equal(["earliest", "late", "recent", "same-instant-other-offset", "exactly-now"], all.Select(c => c.DebtorId));
        Assert.Equal(["earliest", "late"], firstTwo.Select(c => c.DebtorId));
    }

    [Fact]
    public async Task Walking_by_debtor_lists_the_due_cases_in_id_order_after_the_cursor()
    {
        await Save("d", now.AddDays(-3));
        await Save("a", now);
        await Save("c", now.AddTicks(1));
        await Save("b", null);
        await Save("e", now.AddYears(-1));
        await Save("f", now.AddMinutes(-1));

        var first = await store.ListDueByDebtorAsync(now, null, 2, CancellationToken.None);
        var rest = await store.ListDueByDebtorAsync(now, first[^1].DebtorId, 10, CancellationToken.None);

        Assert.Equal(["a", "d"], first.Select(c => c.DebtorId));
        Assert.Equal(["e", "f"], rest.Select(c => c.DebtorId));
        Assert.Empty(await store.ListDueByDebtorAsync(now, "f", 10, CancellationToken.None));
    }

    [Fact]
    public async Task Counting_reads_due_cases_or_all_of_them_up_to_the_cap()
    {
        await Save("a", now);
        await Save("b", null);
        await Save("c", now.AddTicks(1));
        await Save("d", now.AddDays(-1));

        Assert.Equal(2, await store.CountAsync(now, 100, CancellationToken.None));
        Assert.Equal(4, await store.CountAsync(null, 100, CancellationToken.None));
        Assert.Equal(3, await store.CountAsync(null, 3, CancellationToken.None));
        Assert.Equal(1, await store.CountAsync(now, 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_non_positive_limit_is_rejected() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListDueAsync(now, 0, CancellationToken.None));

    private Task Save(string debtorId, DateTimeOffset? next) =>
        store.SaveAsync(new DunningCase { DebtorId = debtorId, NextActionAt = next }, CancellationToken.None);

    public void Dispose() => context.Dispose();
}
