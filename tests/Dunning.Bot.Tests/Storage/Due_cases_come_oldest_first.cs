using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage;

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
    public async Task A_non_positive_limit_is_rejected() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListDueAsync(now, 0, CancellationToken.None));

    private Task Save(string debtorId, DateTimeOffset? next) =>
        store.SaveAsync(new DunningCase { DebtorId = debtorId, NextActionAt = next }, CancellationToken.None);

    public void Dispose() => context.Dispose();
}
