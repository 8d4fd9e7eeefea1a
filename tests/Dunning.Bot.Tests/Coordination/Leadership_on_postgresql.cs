using System.Diagnostics;
using Dunning.Bot.Hosting.Coordination;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>
/// The leadership port on PostgreSQL, as two hosts see it: one leads a role at a time, giving it up hands it on within
/// the retry interval, a dropped connection loses it at once, and roles are independent.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Leadership_on_postgresql(PostgresServer postgres)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const string Role = "telegram-polling:7000000001";

    [PostgresFact]
    public async Task One_host_leads_a_role_and_the_other_waits_until_it_is_given_up()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var first = await Host(connection).AcquireAsync(Role, CancellationToken.None);
        var second = Host(connection).AcquireAsync(Role, CancellationToken.None);

        await Task.Delay(Interval * 2.5);
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        var given = Stopwatch.StartNew();
        await using var next = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(given.Elapsed < Interval + TimeSpan.FromSeconds(1), $"handed on after {given.Elapsed}");
        Assert.False(first.Lost.IsCancellationRequested); // given up, not lost
        Assert.False(next.Lost.IsCancellationRequested);
    }

    [PostgresFact]
    public async Task A_dropped_connection_loses_the_leadership_at_once_and_another_host_takes_it()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using var leader = await Host(connection).AcquireAsync(Role, CancellationToken.None);
        var standby = Host(connection).AcquireAsync(Role, CancellationToken.None);

        var noticed = new TaskCompletionSource();
        await using var _ = leader.Lost.Register(() => noticed.TrySetResult());

        Assert.Equal(1, await LeadershipLocks.TerminateHoldersAsync(connection));
        var cut = Stopwatch.StartNew();
        await noticed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var lost = cut.Elapsed;
        await using var next = await standby.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(lost < TimeSpan.FromMilliseconds(500), $"noticed after {lost}");
        Assert.True(cut.Elapsed < Interval + TimeSpan.FromSeconds(1.5), $"taken over after {cut.Elapsed}");
    }

    [PostgresFact]
    public async Task Roles_are_led_independently_and_a_cancelled_wait_ends_quietly()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using var polling = await Host(connection).AcquireAsync(Role, CancellationToken.None);
        await using var other = await Host(connection).AcquireAsync("telegram-polling:7000000002", CancellationToken.None);
        using var shutdown = new CancellationTokenSource(Interval * 1.5);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Host(connection).AcquireAsync(Role, shutdown.Token));
        Assert.Equal(2, await LeadershipLocks.CountAsync(connection));
    }

    [PostgresFact]
    public async Task The_services_of_one_host_lead_a_role_together_until_the_last_gives_it_up()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var host = Host(connection);
        var poller = await host.AcquireAsync(Role, CancellationToken.None);
        var handler = await host.AcquireAsync(Role, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        var elsewhere = Host(connection).AcquireAsync(Role, CancellationToken.None);

        Assert.Equal(1, await LeadershipLocks.CountAsync(connection));
        await poller.DisposeAsync();
        await Task.Delay(Interval * 2);
        Assert.False(elsewhere.IsCompleted, "the role was given up while a service of the host still led by it");
        await handler.DisposeAsync();
        await using var next = await elsewhere.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [PostgresFact]
    public async Task A_nameless_role_is_refused()
    {
        var connection = await postgres.CreateDatabaseAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Host(connection).AcquireAsync(" ", CancellationToken.None));
        Assert.Equal(0, await LeadershipLocks.CountAsync(connection));
    }

    [Fact]
    public async Task Alone_on_LiteDB_a_host_always_leads()
    {
        await using var lease = await new AlwaysLeader().AcquireAsync(Role, CancellationToken.None);

        Assert.False(lease.Lost.CanBeCanceled);
        Assert.Equal(Role, lease.Role);
    }

    private static PostgreSqlLeadership Host(string connection) => new(
        Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = connection }),
        Options.Create(new CoordinationOptions { LeadershipRetryInterval = Interval }),
        TimeProvider.System, NullLogger<PostgreSqlLeadership>.Instance);
}
