using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// Direct Line clients post an activity again when its answer did not reach them (Web Chat and directlinejs retry): the
/// same client id (<c>channelData.clientActivityID</c>, else <c>id</c>) in the same conversation gets the first id and runs
/// no second turn — also when the copies arrive at once. A turn that failed is not taken as accepted, so its retry runs.
/// A client id that is not text of 1 to 128 characters gets 400 and changes nothing.
/// </summary>
public sealed class A_retried_post_runs_once : IDisposable
{
    private readonly CountingBot bot = new();
    private readonly BotHost host;

    public A_retried_post_runs_once() => host = WebChatHost.Start(bot: bot);

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task A_retry_gets_the_first_id_and_the_log_keeps_one_echo_and_one_answer()
    {
        var client = host.Client();
        await client.StartAsync();

        var first = await client.SayAsync("hello", "retry-1");
        var retry = await client.SayAsync("hello", "retry-1");
        var next = await client.SayAsync("hello", "retry-2");

        Assert.Equal(first, retry);
        Assert.NotEqual(first, next);
        Assert.Equal(["hello", "echo: hello", "hello", "echo: hello"], Texts((await client.PollAsync()).Activities));
        Assert.Equal(2, bot.Turns);
    }

    [Fact]
    public async Task An_id_the_client_set_itself_is_its_client_id_too_and_other_conversations_keep_their_own()
    {
        var client = host.Client();
        await client.StartAsync();
        var other = host.Client();
        await other.StartAsync();
        const string Body = """{"type":"message","text":"hi","id":"my-7"}""";

        var ids = new List<string>();
        foreach (var poster in new[] { client, client, other })
        {
            using var response = await poster.PostAsync(Body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        Assert.Equal(ids[0], ids[1]);
        Assert.StartsWith(other.ConversationId, ids[2], StringComparison.Ordinal);
        Assert.Equal(["hi", "echo: hi"], Texts((await client.PollAsync()).Activities));
        Assert.Equal(["hi", "echo: hi"], Texts((await other.PollAsync()).Activities));
        Assert.Equal(2, bot.Turns);
    }

    [Fact]
    public async Task Copies_posted_at_once_run_one_turn_and_all_get_its_id()
    {
        var client = host.Client();
        await client.StartAsync();

        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SayAsync("at once", "same")));

        Assert.Single(ids.Distinct());
        Assert.Equal(["at once", "echo: at once"], Texts((await client.PollAsync()).Activities));
        Assert.Equal(1, bot.Turns);
    }

    [Fact]
    public async Task A_turn_that_failed_is_not_taken_as_accepted_and_its_retry_runs()
    {
        var client = host.Client();
        await client.StartAsync();
        var body = JsonSerializer.Serialize(new { type = "message", text = CountingBot.FailOnce, channelData = new { clientActivityID = "f1" } });

        using (var failed = await client.PostAsync(body))
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty((await client.PollAsync()).Activities);
        using var retry = await client.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal([CountingBot.FailOnce, "echo: " + CountingBot.FailOnce], Texts((await client.PollAsync()).Activities));
        Assert.Equal(2, bot.Turns);
    }

    [Theory]
    [InlineData("\"" + "x" + "\"", HttpStatusCode.OK)]
    [InlineData("\"\"", HttpStatusCode.BadRequest)]
    [InlineData("42", HttpStatusCode.BadRequest)]
    [InlineData("{\"id\":\"c1\"}", HttpStatusCode.BadRequest)]
    [InlineData("[\"c1\"]", HttpStatusCode.BadRequest)]
    public async Task A_client_id_must_be_text(string json, HttpStatusCode expected)
    {
        var client = host.Client();
        await client.StartAsync();

        using var response = await client.PostAsync($$$"""{"type":"message","text":"hi","channelData":{"clientActivityID":{{{json}}}}}""");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 2 : 0, (await client.PollAsync()).Activities.Length);
    }

    [Theory]
    [InlineData(128, HttpStatusCode.OK)]
    [InlineData(129, HttpStatusCode.BadRequest)]
    [InlineData(100_00, HttpStatusCode.BadRequest)]
    public async Task A_client_id_has_at_most_128_characters_in_channel_data_and_in_id(int length, HttpStatusCode expected)
    {
        var client = host.Client();
        await client.StartAsync();
        var id = new string('k', length);

        using var inChannelData = await client.PostAsync(JsonSerializer.Serialize(new { type = "message", text = "a", channelData = new { clientActivityID = id } }));
        using var asId = await client.PostAsync(JsonSerializer.Serialize(new { type = "message", text = "b", id = id + "-own" }));

        Assert.Equal(expected, inChannelData.StatusCode);
        Assert.Equal(length + 4 <= 128 ? expected : HttpStatusCode.BadRequest, asId.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", inChannelData.Content.Headers.ContentType?.MediaType);
            Assert.Contains("128", await inChannelData.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var posted = new[] { inChannelData, asId }.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(posted * 2, (await client.PollAsync()).Activities.Length);
        Assert.Equal(posted, bot.Turns);
    }

    private static List<string?> Texts(JsonElement[] activities) =>
        [.. activities.Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null)];

    /// <summary>Echoes every message and counts its turns; <see cref="FailOnce"/> fails the first time as a timed-out call does.</summary>
    private sealed class CountingBot : IBot
    {
        public const string FailOnce = "fail once";

        private int turns;
        private int failed;

        public int Turns => Volatile.Read(ref turns);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref turns);
            // A timed-out HTTP call surfaces so; it passes the adapter's error handler, and the POST fails.
            if (turnContext.Activity.Text == FailOnce && Interlocked.Exchange(ref failed, 1) == 0)
                throw new TaskCanceledException("The bot's call timed out.");
            await turnContext.SendActivityAsync("echo: " + turnContext.Activity.Text, cancellationToken);
        }
    }
}
