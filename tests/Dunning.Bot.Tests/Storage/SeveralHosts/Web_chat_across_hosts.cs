using System.Text.Json;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>
/// One web chat conversation on two hosts of one PostgreSQL database, as behind a load balancer without sticky
/// sessions: a Direct Line stream open on one host pushes the replies to a message posted on the other at once (not at
/// its next keep-alive), and messages posted to both hosts at the same moment are each answered, each message followed
/// by its own replies in the log, none with the error reply.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Web_chat_across_hosts(PostgresServer server)
{
    private static readonly Dictionary<string, string?> QuietStreams = new() { ["WebChat:StreamKeepAlive"] = "00:01:00" };

    [PostgresFact]
    public async Task A_stream_on_one_host_gets_the_reply_to_a_message_posted_on_the_other()
    {
        using var hosts = await TwoHosts.StartAsync(server, QuietStreams);
        await TwoHosts.WaitListeningAsync(hosts.A);
        var onB = new DirectLineClient(hosts.B.CreateHttpClient());
        var streamUrl = (await onB.StartAsync()).GetProperty("streamUrl").GetString()!;
        var onA = streamUrl.Replace(hosts.B.BaseAddress.Authority, hosts.A.BaseAddress.Authority, StringComparison.Ordinal);
        Assert.NotEqual(streamUrl, onA);
        await using var stream = await DirectLineStreamClient.ConnectAsync(onA);

        await onB.SayAsync("Hallo");

        var (activities, _) = await stream.ReceiveActivitiesAsync(2);
        Assert.Equal("Hallo", activities[0].GetProperty("text").GetString());
        Assert.Contains(activities, a => Role(a) == "bot");
    }

    [PostgresFact]
    public async Task Messages_posted_to_both_hosts_at_once_are_each_answered_in_turn()
    {
        using var hosts = await TwoHosts.StartAsync(server);
        var onA = new DirectLineClient(hosts.A.CreateHttpClient());
        await onA.StartAsync();
        var onB = new DirectLineClient(hosts.B.CreateHttpClient()) { Token = onA.Token };
        var posts = Enumerable.Range(1, 6).Select(i => Task.Run(() => (i % 2 == 0 ? onA : onB).SayAsync($"Hallo {i}", $"c{i}", onA.ConversationId)));
        await Task.WhenAll(posts);

        var (log, _) = await onB.PollAsync(conversationId: onA.ConversationId);
        var roles = string.Concat(log.Select(a => Role(a) == "bot" ? 'b' : 'u'));
        Assert.Equal(6, roles.Count(r => r == 'u'));
        Assert.DoesNotContain("uu", roles, StringComparison.Ordinal);
        Assert.EndsWith("b", roles, StringComparison.Ordinal);
        Assert.DoesNotContain(log, a => Text(a).StartsWith("Sorry, something went wrong", StringComparison.Ordinal)
            || Text(a).StartsWith("Entschuldigung", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task A_message_that_waits_too_long_for_its_conversation_is_refused_with_retry_after_and_not_logged()
    {
        using var hosts = await TwoHosts.StartAsync(server, new() { ["Storage:Hosts:TurnLockTimeout"] = "00:00:01" });
        var onB = new DirectLineClient(hosts.B.CreateHttpClient());
        await onB.StartAsync();
        var before = (await onB.PollAsync()).Activities.Length;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = TwoHosts.TurnAsync(hosts.A, onB.ConversationId, async (turn, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
        }, CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        using var refused = await onB.PostAsync(JsonSerializer.Serialize(new { type = "message", text = "Hallo" }));
        release.SetResult();
        await held.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, (await onB.PollAsync()).Activities.Length);
    }

    private static string? Role(JsonElement activity) => activity.GetProperty("from").TryGetProperty("role", out var role) ? role.GetString() : null;

    private static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";
}
