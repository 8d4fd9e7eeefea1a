using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dunning.Bot.Tests.Fakes.BotFramework;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>The fake Bot Connector behaves like the REST service the adapter will talk to.</summary>
public sealed class Fake_bot_connector_basics : IAsyncLifetime
{
    private FakeBotConnector connector = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync();
        http.BaseAddress = connector.ServiceUrl;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "connector-token");
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await connector.DisposeAsync();
    }

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };

    [Fact]
    public async Task A_send_and_a_reply_are_recorded_with_their_authorization_and_get_an_id()
    {
        var conversation = Uri.EscapeDataString("a:1x2y3z;messageid=42");

        var sent = await http.PostAsJsonAsync($"v3/conversations/{conversation}/activities", Message("hello"));
        var replied = await http.PostAsJsonAsync($"v3/conversations/{conversation}/activities/1712345", Message("reply"));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var ids = new[] { await IdOf(sent), await IdOf(replied) };
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Collection(connector.Requests,
            r =>
            {
                Assert.Equal("a:1x2y3z;messageid=42", r.ConversationId);
                Assert.Null(r.ReplyToId);
                Assert.Equal("Bearer connector-token", r.Authorization);
                Assert.Equal("hello", r.Json!["text"]!.GetValue<string>());
            },
            r =>
            {
                Assert.Equal("1712345", r.ReplyToId);
                Assert.Equal("reply", r.Json!["text"]!.GetValue<string>());
            });
    }

    [Fact]
    public async Task Creating_a_conversation_returns_its_id_service_url_and_the_first_activity_id()
    {
        var bare = await http.PostAsJsonAsync("v3/conversations", new JsonObject { ["members"] = new JsonArray(new JsonObject { ["id"] = "29:user" }) });
        var withActivity = await http.PostAsJsonAsync("v3/conversations", new JsonObject
        {
            ["members"] = new JsonArray(new JsonObject { ["id"] = "29:user" }),
            ["activity"] = Message("first"),
        });

        var first = (await bare.Content.ReadFromJsonAsync<JsonObject>())!;
        var second = (await withActivity.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.StartsWith("a:", first["id"]!.GetValue<string>());
        Assert.Equal(connector.ServiceUrl.ToString(), first["serviceUrl"]!.GetValue<string>());
        Assert.Null(first["activityId"]);
        Assert.NotNull(second["activityId"]);
        Assert.All(connector.Requests, r => Assert.Equal("/v3/conversations", r.Path));
    }

    [Fact]
    public async Task A_queued_429_carries_retry_after_and_the_next_request_succeeds()
    {
        connector.FailNext(429, TimeSpan.FromSeconds(2.5));

        var throttled = await http.PostAsJsonAsync("v3/conversations/c1/activities", Message("a"));
        var retried = await http.PostAsJsonAsync("v3/conversations/c1/activities", Message("a"));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal([429, 200], connector.Requests.Select(r => r.Status));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Queued_failures_are_answered_in_order(int status)
    {
        connector.FailNext(status);

        var failed = await http.PostAsJsonAsync("v3/conversations/c1/activities/9", Message("a"));
        var next = await http.PostAsJsonAsync("v3/conversations/c1/activities/9", Message("a"));

        Assert.Equal(status, (int)failed.StatusCode);
        Assert.Null(failed.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_json_object_is_a_400_and_still_recorded(string body)
    {
        var response = await http.PostAsync("v3/conversations/c1/activities", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(body, Assert.Single(connector.Requests).Body);
    }

    [Fact]
    public async Task A_request_without_authorization_is_recorded_as_such()
    {
        using var anonymous = new HttpClient { BaseAddress = connector.ServiceUrl };

        await anonymous.PostAsJsonAsync("v3/conversations/c1/activities", Message("a"));

        Assert.Null(Assert.Single(connector.Requests).Authorization);
    }

    private static async Task<string?> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())?["id"]?.GetValue<string>();
}
