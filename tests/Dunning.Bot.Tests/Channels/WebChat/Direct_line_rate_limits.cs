using System.Net;

namespace Dunning.Bot.Tests.Channels.WebChat;

public sealed class Direct_line_rate_limits
{
    [Fact]
    public async Task Posting_faster_than_the_conversation_limit_gets_429_with_retry_after()
    {
        using var host = WebChatHost.Start(new() { ["WebChat:PerConversation:PermitLimit"] = "3", ["WebChat:PerConversation:Window"] = "00:01:00" });
        var client = host.Client();
        var other = host.Client();
        await client.StartAsync();
        await other.StartAsync();
        for (var i = 0; i < 3; i++)
            await client.SayAsync("m" + i);

        using var refused = await client.PostAsync("""{"type":"message","text":"one too many"}""");
        await other.SayAsync("another conversation is not affected");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(6, (await client.PollAsync()).Activities.Length);
    }

    [Fact]
    public async Task Requests_faster_than_the_ip_limit_get_429()
    {
        using var host = WebChatHost.Start(new() { ["WebChat:PerIp:PermitLimit"] = "5" });
        var client = host.Client();
        await client.StartAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync();
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Starting_conversations_faster_than_the_limit_gets_429()
    {
        using var host = WebChatHost.Start(new() { ["WebChat:StartsPerIp:PermitLimit"] = "2" });
        var client = host.Client();
        await client.StartAsync();
        await client.StartAsync();

        using var refused = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
