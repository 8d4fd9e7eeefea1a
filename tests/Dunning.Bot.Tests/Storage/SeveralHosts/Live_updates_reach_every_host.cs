using System.Net;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>
/// Live updates across two hosts on one PostgreSQL database (LISTEN/NOTIFY): a notice published on one host reaches
/// the subscribers of both, once each, and only after what it announces is committed; a console page open on one host
/// sees what a debtor's message on the other raised; a lost listening connection comes back and tells its subscribers
/// to re-read; whatever else is sent on the channel is ignored.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Live_updates_reach_every_host(PostgresServer server)
{
    [PostgresFact]
    public async Task A_notice_published_on_one_host_reaches_the_subscribers_of_both_hosts_once()
    {
        using var hosts = await TwoHosts.StartAsync(server);
        using var onA = new NoticeLog(Changes(hosts.A), "test");
        using var onB = new NoticeLog(Changes(hosts.B), "test");
        await WaitListeningAsync(hosts.A);

        await Changes(hosts.B).PublishAsync("test", "conversation-1", CancellationToken.None);

        var heard = await onA.WaitForAsync(n => n.Id == "conversation-1");
        Assert.False(heard.FromThisHost);
        await Task.Delay(300);
        Assert.Single(onA.Heard, n => n.Id == "conversation-1");
        Assert.Equal(new ChangeNotice("test", "conversation-1", FromThisHost: true), Assert.Single(onB.Heard, n => !n.IsMissed));
    }

    [PostgresFact]
    public async Task A_notice_published_in_a_turn_goes_out_with_its_commit_and_never_after_a_rollback()
    {
        using var hosts = await TwoHosts.StartAsync(server);
        using var onA = new NoticeLog(Changes(hosts.A), "test");
        using var onB = new NoticeLog(Changes(hosts.B), "test");
        await WaitListeningAsync(hosts.A);
        var beforeCommit = new List<ChangeNotice>();

        await TwoHosts.TurnAsync(hosts.B, "c-commit", async (turn, ct) =>
        {
            await Changes(hosts.B).PublishAsync("test", "committed", ct);
            await Task.Delay(300, ct);
            beforeCommit.AddRange(onA.Heard.Concat(onB.Heard).Where(n => !n.IsMissed));
        }, CancellationToken.None);
        await TwoHosts.TurnAsync(hosts.B, "c-rollback", async (turn, ct) =>
        {
            await Changes(hosts.B).PublishAsync("test", "rolled-back", ct);
            throw new InvalidOperationException("the turn fails");
        }, CancellationToken.None);
        await Changes(hosts.B).PublishAsync("test", "after", CancellationToken.None);

        Assert.Empty(beforeCommit);
        await onA.WaitForAsync(n => n.Id == "committed");
        await onA.WaitForAsync(n => n.Id == "after");
        Assert.Contains(onB.Heard, n => n.Id == "committed");
        Assert.DoesNotContain(onA.Heard.Concat(onB.Heard), n => n.Id == "rolled-back");
    }

    [PostgresFact]
    public async Task A_console_page_on_one_host_sees_the_escalation_a_debtors_message_raised_on_the_other()
    {
        var connection = await server.CreateDatabaseAsync();
        using var a = new StaffHost(new() { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = connection, ["Scheduling:Enabled"] = "false" });
        using var b = TwoHosts.Host(connection);
        await WaitListeningAsync(a.Host);
        using var sam = await a.SignedInAsync("sam");
        using var events = await sam.GetAsync("/console/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal("retry: 3000", await reader.ReadLineAsync());

        var chat = new Channels.WebChat.DirectLineClient(b.CreateHttpClient());
        await chat.StartAsync();
        var join = System.Text.Json.JsonSerializer.Serialize(new { type = "event", name = "webchat/join", value = new { linkToken = "tok_d100_abcdefghijklmnop", locale = "en-GB" } });
        Assert.Equal(HttpStatusCode.OK, (await chat.PostAsync(join)).StatusCode);
        await chat.SayAsync("I want to talk to a real person");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) is not null && line != "event: escalation")
        {
        }
        Assert.Equal("event: escalation", line);
        Assert.Equal($"data: {{\"debtorId\":\"{StaffHost.DebtorId}\"}}", await reader.ReadLineAsync(timeout.Token));
        Assert.Contains("Erika Muster", await sam.GetStringAsync("/console"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_dropped_listening_connection_comes_back_and_tells_its_subscribers_to_re_read()
    {
        using var hosts = await TwoHosts.StartAsync(server);
        using var onA = new NoticeLog(Changes(hosts.A), "test");
        var listener = await WaitListeningAsync(hosts.A);
        var connects = listener.Connects;

        Assert.Equal(1L, await hosts.ScalarAsync("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", listener.ApplicationName));
        var missedBefore = onA.Heard.Count(n => n.IsMissed);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((listener.Connects == connects || !listener.IsListening) && waited.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(50);

        Assert.True(listener.Connects > connects && listener.IsListening, "the listener did not come back within 20 s");
        await onA.WaitForAsync(n => n.IsMissed && onA.Heard.Count(m => m.IsMissed) > missedBefore);
        await Changes(hosts.B).PublishAsync("test", "after-the-drop", CancellationToken.None);
        Assert.False((await onA.WaitForAsync(n => n.Id == "after-the-drop")).FromThisHost);
    }

    [PostgresFact]
    public async Task Whatever_else_is_sent_on_the_channel_is_ignored_and_the_listener_keeps_listening()
    {
        using var hosts = await TwoHosts.StartAsync(server);
        using var onA = new NoticeLog(Changes(hosts.A), "test");
        var listener = await WaitListeningAsync(hosts.A);
        var connects = listener.Connects;

        foreach (var payload in new[] { "garbage", "{\"host\":\"x\",\"topic\":\"test\"}", "{\"host\":\"x\",\"topic\":\"BAD TOPIC\",\"id\":\"1\"}",
            "{\"host\":\"x\",\"topic\":\"test\",\"id\":\"a\\u0000b\"}", "[1,2,3]", "" })
            await hosts.ScalarAsync($"SELECT pg_notify('{PostgreSqlChangeNotifications.Channel}', $1)", payload);
        await Changes(hosts.B).PublishAsync("test", "valid", CancellationToken.None);

        await onA.WaitForAsync(n => n.Id == "valid");
        Assert.Equal(["valid"], onA.Heard.Where(n => !n.IsMissed).Select(n => n.Id));
        Assert.Equal(connects, listener.Connects);
        Assert.True(listener.IsListening);
    }

    [PostgresFact]
    public async Task Each_host_reports_healthy_to_the_load_balancer_once_it_listens()
    {
        using var hosts = await TwoHosts.StartAsync(server);
        await WaitListeningAsync(hosts.A);
        await WaitListeningAsync(hosts.B);

        foreach (var host in new[] { hosts.A, hosts.B })
        {
            using var client = host.CreateHttpClient();
            Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        }
    }

    private static IChangeNotifications Changes(BotHost host) => host.Services.GetRequiredService<IChangeNotifications>();

    private static async Task<PostgreSqlChangeListener> WaitListeningAsync(BotHost host)
    {
        var listener = host.Services.GetRequiredService<PostgreSqlChangeListener>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!listener.IsListening && waited.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(20);
        Assert.True(listener.IsListening, "the host does not listen for changes");
        return listener;
    }
}
