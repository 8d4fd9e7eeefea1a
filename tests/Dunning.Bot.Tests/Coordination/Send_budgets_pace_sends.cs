using System.Diagnostics;
using Dunning.Bot.Hosting.Coordination;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>
/// A send budget hands out a bucket's permits and takes each back one window after its send was answered: in the process
/// (<see cref="LocalSendBudget"/>) and, shared by every host, in PostgreSQL (<see cref="PostgreSqlSendBudget"/>).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Send_budgets_pace_sends(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly SendLimit Three = new("test:bot:1", 3, Window);
    private readonly SharedSendBudgets budgets = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await budgets.DisposeAsync();

    [Fact]
    public async Task In_the_process_a_permit_returns_one_window_after_the_answer()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));
        await using var budget = new LocalSendBudget(clock);
        var taken = new[] { await budget.EnterAsync(Three, CancellationToken.None), await budget.EnterAsync(Three, CancellationToken.None), await budget.EnterAsync(Three, CancellationToken.None) };
        var fourth = budget.EnterAsync(Three, CancellationToken.None).AsTask();

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(fourth.IsCompleted, "a permit is held until its send was answered");
        await taken[0].DisposeAsync();
        clock.Advance(Window + LocalSendBudget.Allowance - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted, "the permit came back before its window ended");
        clock.Advance(TimeSpan.FromMilliseconds(1));

        await (await fourth.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
    }

    [Fact]
    public async Task In_the_process_spaced_permits_come_back_one_by_one()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));
        await using var budget = new LocalSendBudget(clock);
        var spaced = new SendLimit("test:conversation:1", 2, Window, spacing: Window);
        await (await budget.EnterAsync(spaced, CancellationToken.None)).DisposeAsync();
        await (await budget.EnterAsync(spaced, CancellationToken.None)).DisposeAsync();
        var third = budget.EnterAsync(spaced, CancellationToken.None).AsTask();
        var fourth = budget.EnterAsync(spaced, CancellationToken.None).AsTask();

        clock.Advance(Window + LocalSendBudget.Allowance);
        await (await third.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted, "both permits came back after one window");
        clock.Advance(Window);

        await (await fourth.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
    }

    [PostgresFact]
    public async Task Two_hosts_share_the_permits_of_a_bucket()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var a = Host(connection);
        var b = Host(connection);
        var first = await a.EnterAsync(Three, CancellationToken.None);
        await a.EnterAsync(Three, CancellationToken.None);
        await b.EnterAsync(Three, CancellationToken.None);
        var fourth = b.EnterAsync(Three, CancellationToken.None).AsTask();
        var elsewhere = await b.EnterAsync(new SendLimit("test:bot:2", 1, Window), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(2));

        await Task.Delay(500);
        Assert.False(fourth.IsCompleted, "a fourth send within the window");
        await first.DisposeAsync();
        var answered = Stopwatch.StartNew();
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.InRange(answered.Elapsed, Window - TimeSpan.FromMilliseconds(20), Window + TimeSpan.FromMilliseconds(700));
        await elsewhere.DisposeAsync();
    }

    [PostgresFact]
    public async Task A_permit_never_returned_frees_itself_and_its_late_return_does_not_free_the_next_holders()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var hold = TimeSpan.FromSeconds(1);
        var one = new SendLimit("test:bot:3", 1, TimeSpan.FromMilliseconds(100));
        var (a, b, c) = (Host(connection, hold), Host(connection, hold), Host(connection, hold));
        var dying = await a.EnterAsync(one, CancellationToken.None);

        var held = Stopwatch.StartNew();
        var next = await b.EnterAsync(one, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(held.Elapsed >= hold - TimeSpan.FromMilliseconds(50), $"taken again after {held.Elapsed}");
        await dying.DisposeAsync(); // far too late: the permit is b's now
        var third = c.EnterAsync(one, CancellationToken.None).AsTask();
        await Task.Delay(400);
        Assert.False(third.IsCompleted, "a late return freed another host's permit");
        await next.DisposeAsync();

        await (await third.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
    }

    [Theory]
    [InlineData("", 30, 1000)]
    [InlineData(" ", 30, 1000)]
    [InlineData("telegram:bot:1", 0, 1000)]
    [InlineData("telegram:bot:1", -5, 1000)]
    [InlineData("telegram:bot:1", 30, 0)]
    [InlineData("telegram:bot:1", 30, -1000)]
    public void A_limit_without_a_bucket_permits_or_a_window_is_refused(string bucket, int permits, int windowMilliseconds) =>
        Assert.ThrowsAny<ArgumentException>(() => new SendLimit(bucket, permits, TimeSpan.FromMilliseconds(windowMilliseconds)));

    [Fact]
    public void A_negative_spacing_is_refused() =>
        Assert.ThrowsAny<ArgumentException>(() => new SendLimit("teams:conversation:c1", 7, Window, spacing: TimeSpan.FromSeconds(-2)));

    private PostgreSqlSendBudget Host(string connection, TimeSpan? hold = null) => budgets.Host(connection, hold);
}
