using System.Diagnostics;
using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>
/// Telegram serves getUpdates to one client at a time: of two hosts on one PostgreSQL database only the leader polls,
/// the other takes over within the retry interval when the leader stops or loses its database connection, and an
/// update is handled once across the handover.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Telegram_polling_has_one_leader_among_hosts(PostgresServer postgres) : TelegramHostsOnOneDatabase(postgres)
{
    private static readonly TimeSpan RetryInterval = TelegramHostOnPostgres.RetryInterval;

    [PostgresFact]
    public async Task Only_one_host_calls_getUpdates()
    {
        var (a, b) = await LeaderAndOtherAsync();

        await Task.Delay(RetryInterval * 4, Ct); // several polls and several chances for the other host to ask

        Assert.True(a.Polls == 0 ^ b.Polls == 0, $"host a polled {a.Polls} times, host b {b.Polls} times");
        Assert.DoesNotContain(Server.Calls, c => c.Method == "getUpdates" && c.StatusCode == 409);
    }

    [PostgresFact]
    public async Task When_the_leader_stops_the_other_host_polls_within_the_retry_interval()
    {
        var (leader, other) = await LeaderAndOtherAsync();

        await leader.DisposeAsync();
        var stopped = Stopwatch.StartNew();
        await Server.WaitUntilAsync(_ => other.Polls > 0, Wait, Ct);

        Assert.True(stopped.Elapsed < RetryInterval + TimeSpan.FromSeconds(1.5), $"took over after {stopped.Elapsed}");
    }

    [PostgresFact]
    public async Task A_leader_that_loses_its_database_connection_stops_polling_at_once_and_the_other_host_takes_over()
    {
        var (leader, other) = await LeaderAndOtherAsync();

        Assert.Equal(1, await LeadershipLocks.TerminateHoldersAsync(Connection));
        var cut = Stopwatch.StartNew();
        await Server.WaitUntilAsync(_ => other.Polls > 0, Wait, Ct);
        var took = cut.Elapsed;
        var leaderPolls = leader.Polls;
        await Task.Delay(RetryInterval * 3, Ct);

        Assert.True(took < RetryInterval + TimeSpan.FromSeconds(1.5), $"took over after {took}");
        Assert.Equal(leaderPolls, leader.Polls); // the former leader stands by
        // The former leader gave up its waiting getUpdates before the other host's first one went out, so no host was
        // told 409. (The fake may still answer 409 to that abandoned request when the other poll overtakes the closing
        // connection on a busy machine — Telegram does the same — but no client is listening for it any more.)
        var firstOther = other.PollSpans[0].Sent;
        Assert.All(leader.PollSpans, p => Assert.True(p.Ended is { } ended && ended <= firstOther,
            "the former leader still had a getUpdates waiting when the other host polled"));
        Assert.Empty(leader.Conflicts);
        Assert.Empty(other.Conflicts);
    }

    [PostgresFact]
    public async Task An_update_received_before_the_handover_is_handled_once()
    {
        var anna = new FakeUser(424242, "Anna", "Berger", "anna_b", "de");
        var ben = new FakeUser(515151, "Ben", LanguageCode: "en");
        var (leader, other) = await LeaderAndOtherAsync();
        // The leader's next getUpdates — the one that would tell Telegram Anna's update arrived — hangs.
        Server.InjectFaults(new FakeFault(FakeFaultKind.Hang, "getUpdates"));
        Server.EnqueueMessage(anna, "Hallo");
        await Server.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == anna.Id) && s.PendingFaultCount == 0, Wait, Ct);
        var toAnna = Server.SentMessages.Count(m => m.ChatId == anna.Id);

        await leader.DisposeAsync();
        Server.EnqueueMessage(ben, "Hello");
        await Server.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == ben.Id), Wait, Ct);

        Assert.Equal(toAnna, Server.SentMessages.Count(m => m.ChatId == anna.Id));
    }
}
