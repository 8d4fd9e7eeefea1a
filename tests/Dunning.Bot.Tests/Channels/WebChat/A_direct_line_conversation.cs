using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dunning.Bot.Tests.Channels.WebChat;

public sealed class A_direct_line_conversation : IDisposable
{
    private readonly Infrastructure.BotHost host = WebChatHost.Start();

    [Fact]
    public async Task Starts_with_a_conversation_id_a_token_and_its_lifetime()
    {
        var client = host.Client();
        var started = await client.StartAsync();

        Assert.Matches("^[0-9a-f]{32}$", client.ConversationId);
        Assert.Equal(3, client.Token.Split('.').Length);
        Assert.Equal(1800, started.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Echoes_a_posted_message_with_its_id_and_client_activity_id_before_the_reply()
    {
        var client = host.Client();
        await client.StartAsync();

        var id = await client.SayAsync("hello", "client-42");
        var (activities, watermark) = await client.PollAsync();

        Assert.Equal($"{client.ConversationId}|{1:D10}", id);
        Assert.Equal(2, activities.Length);
        var echo = activities[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("client-42", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.StartsWith("dl_", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("webchat", echo.GetProperty("channelId").GetString());
        var reply = activities[1];
        Assert.Equal("echo: hello", reply.GetProperty("text").GetString());
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("2", watermark);
    }

    [Fact]
    public async Task Polling_from_the_watermark_returns_only_newer_activities()
    {
        var client = host.Client();
        await client.StartAsync();
        await client.SayAsync("one");
        var (_, first) = await client.PollAsync();

        var (none, unchanged) = await client.PollAsync(first);
        await client.SayAsync("two");
        var (later, next) = await client.PollAsync(first);

        Assert.Empty(none);
        Assert.Equal(first, unchanged);
        Assert.Equal(["two", "echo: two"], later.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("4", next);
    }

    [Fact]
    public async Task The_join_event_reaches_the_bot_with_its_link_token_and_locale()
    {
        var client = host.Client();
        await client.StartAsync();

        using var response = await client.PostAsync("""{"type":"event","name":"webchat/join","value":{"linkToken":"abc","locale":"de-DE"}}""");
        var (activities, _) = await client.PollAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Willkommen! Ihr Link wurde erkannt.", activities[1].GetProperty("text").GetString());
        Assert.Equal(2, activities[1].GetProperty("suggestedActions").GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public async Task Starting_again_with_the_token_resumes_the_same_conversation()
    {
        var client = host.Client();
        await client.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, client.Token);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(client.ConversationId, json.GetProperty("conversationId").GetString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1e3")]
    public async Task A_watermark_that_is_not_a_number_is_a_bad_request(string watermark)
    {
        var client = host.Client();
        await client.StartAsync();

        using var response = await client.GetAsync(watermark);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Two_conversations_keep_separate_logs()
    {
        var a = host.Client();
        var b = host.Client();
        await a.StartAsync();
        await b.StartAsync();

        await a.SayAsync("for a");
        await b.SayAsync("for b");

        Assert.Equal(["for a", "echo: for a"], (await a.PollAsync()).Activities.Select(x => x.GetProperty("text").GetString()));
        Assert.Equal(["for b", "echo: for b"], (await b.PollAsync()).Activities.Select(x => x.GetProperty("text").GetString()));
    }

    public void Dispose() => host.Dispose();
}
