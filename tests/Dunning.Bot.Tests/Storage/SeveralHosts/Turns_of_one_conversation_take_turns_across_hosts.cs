using System.Collections.Concurrent;
using System.Diagnostics;
using Dunning.Bot.Conversations;
using Dunning.Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>
/// Two hosts on one PostgreSQL database: the turns of one conversation run one after the other whichever host they
/// arrive on — each reads what the one before committed, so no update is lost and no version conflict reaches the
/// debtor — while turns of other conversations never wait for them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Turns_of_one_conversation_take_turns_across_hosts(PostgresServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task Concurrent_turns_of_one_conversation_on_both_hosts_each_count_once()
    {
        using var hosts = await TwoHosts.StartAsync(server);
        var failures = new ConcurrentQueue<Exception>();
        const int PerHost = 8;

        // Read, think a little, write: without the lock the hosts would overwrite each other or collide on the version.
        var turns = Enumerable.Range(0, PerHost).SelectMany(_ => new[] { hosts.A, hosts.B })
            .Select(host => Task.Run(() => TwoHosts.TurnAsync(host, "shared", (turn, ct) => CountAsync(host, turn, failures, ct), CancellationToken.None)));
        await Task.WhenAll(turns).WaitAsync(Patience);

        Assert.Empty(failures);
        Assert.Equal(2 * PerHost, await ReadCountAsync(hosts.A, "shared"));
        Assert.Equal(2 * PerHost, await ReadCountAsync(hosts.B, "shared"));
    }

    [PostgresFact]
    public async Task A_turn_held_open_on_one_conversation_delays_neither_host_in_another()
    {
        using var hosts = await TwoHosts.StartAsync(server);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = TwoHosts.TurnAsync(hosts.A, "busy", async (turn, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
        }, CancellationToken.None);
        await entered.Task.WaitAsync(Patience);

        var sameConversation = TwoHosts.TurnAsync(hosts.B, "busy", (turn, ct) => Task.CompletedTask, CancellationToken.None);
        var other = Stopwatch.StartNew();
        await TwoHosts.TurnAsync(hosts.B, "other", (turn, ct) => Task.CompletedTask, CancellationToken.None).WaitAsync(Patience);
        var onB = other.Elapsed;
        other.Restart();
        await TwoHosts.TurnAsync(hosts.A, "other-too", (turn, ct) => Task.CompletedTask, CancellationToken.None).WaitAsync(Patience);
        var onA = other.Elapsed;
        await Task.Delay(300);
        var waitedForTheHeldOne = !sameConversation.IsCompleted;
        release.SetResult();
        await Task.WhenAll(held, sameConversation).WaitAsync(Patience);

        output.WriteLine($"another conversation's turn while one is held: host B {onB.TotalMilliseconds:0} ms, host A {onA.TotalMilliseconds:0} ms");
        Assert.True(waitedForTheHeldOne, "the held conversation's turn on the other host ran while the first still held it");
        Assert.True(onB < TimeSpan.FromSeconds(2), $"another conversation's turn on host B took {onB}");
        Assert.True(onA < TimeSpan.FromSeconds(2), $"another conversation's turn on host A took {onA}");
    }

    [PostgresFact]
    public async Task A_turn_that_waits_longer_than_the_timeout_is_refused_and_keeps_the_state()
    {
        using var hosts = await TwoHosts.StartAsync(server, new() { ["Storage:Hosts:TurnLockTimeout"] = "00:00:01" });
        var failures = new ConcurrentQueue<Exception>();
        await TwoHosts.TurnAsync(hosts.A, "slow", (turn, ct) => CountAsync(hosts.A, turn, failures, ct), CancellationToken.None);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = TwoHosts.TurnAsync(hosts.A, "slow", async (turn, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
        }, CancellationToken.None);
        await entered.Task.WaitAsync(Patience);

        var ranOnB = false;
        var refused = Stopwatch.StartNew();
        await TwoHosts.TurnAsync(hosts.B, "slow", (turn, ct) =>
        {
            ranOnB = true;
            return Task.CompletedTask;
        }, CancellationToken.None).WaitAsync(Patience);
        refused.Stop();
        release.SetResult();
        await held.WaitAsync(Patience);

        Assert.False(ranOnB);
        Assert.InRange(refused.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal(1, await ReadCountAsync(hosts.B, "slow"));
    }

    [Fact]
    public void The_lock_key_of_a_conversation_is_the_same_in_every_process_and_version()
    {
        Assert.Equal(Bot.Storage.PostgreSql.PostgreSqlTurnLock.Key("webchat", "abc"), Bot.Storage.PostgreSql.PostgreSqlTurnLock.Key("webchat", "abc"));
        Assert.Equal(unchecked((long)0xafd40f6bfb63b89cUL), Bot.Storage.PostgreSql.PostgreSqlTurnLock.Key("webchat", "abc"));
        Assert.NotEqual(Bot.Storage.PostgreSql.PostgreSqlTurnLock.Key("webchat", "abc"), Bot.Storage.PostgreSql.PostgreSqlTurnLock.Key("telegram", "abc"));
    }

    private static async Task CountAsync(BotHost host, ITurnContext turn, ConcurrentQueue<Exception> failures, CancellationToken cancellationToken)
    {
        var (state, count) = TwoHosts.Counter(host);
        try
        {
            await state.LoadAsync(turn, false, cancellationToken);
            var seen = await count.GetAsync(turn, () => 0, cancellationToken);
            await Task.Delay(15, cancellationToken);
            await count.SetAsync(turn, seen + 1, cancellationToken);
            await state.SaveChangesAsync(turn, false, cancellationToken);
        }
        catch (Exception ex)
        {
            failures.Enqueue(ex);
            throw;
        }
    }

    private static async Task<int> ReadCountAsync(BotHost host, string conversationId)
    {
        var value = -1;
        await TwoHosts.TurnAsync(host, conversationId, async (turn, ct) =>
        {
            var (state, count) = TwoHosts.Counter(host);
            await state.LoadAsync(turn, true, ct);
            value = await count.GetAsync(turn, () => 0, ct);
        }, CancellationToken.None);
        return value;
    }
}
