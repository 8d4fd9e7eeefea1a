using System.Net;
using System.Text.Json.Nodes;
using Dunning.Bot.Tests.Fakes.BotFramework;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>/api/messages over real HTTP: every failed check answers 401/403 and nothing reaches the bot or the connector.</summary>
public sealed class Inbound_requests_are_authenticated_first : IAsyncLifetime
{
    private TeamsChannelHarness teams = null!;

    public async Task InitializeAsync() => teams = await TeamsChannelHarness.StartAsync();

    public async Task DisposeAsync() => await teams.DisposeAsync();

    private JsonObject Message() => teams.Fixture("teams-message.json");

    private void AssertNothingProcessed()
    {
        Assert.Empty(teams.Bot.Turns);
        Assert.Empty(teams.Connector.Requests);
    }

    [Fact]
    public async Task A_valid_token_runs_the_turn_and_the_reply_goes_to_the_connector_with_the_bots_own_token()
    {
        using var response = await teams.PostAsync(Message());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello Teams TestBot", Assert.Single(teams.Bot.Turns).Text);
        var reply = Assert.Single(teams.Connector.Requests);
        Assert.Equal($"Bearer connector-token-1-{teams.Identity.TenantId}", reply.Authorization);
        Assert.Equal("1485983408511", reply.ReplyToId);
        Assert.StartsWith("a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-", reply.ConversationId);
        Assert.Equal("echo: Hello Teams TestBot", (string?)reply.Json!["text"]);
        Assert.Equal("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", (string?)reply.Json["from"]!["id"]);
        Assert.Equal("29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw", (string?)reply.Json["recipient"]!["id"]);
    }

    [Fact]
    public async Task A_request_without_a_token_is_401()
    {
        using var response = await teams.PostAsync(Message(), withToken: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNothingProcessed();
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        using var response = await teams.PostAsync(Message(), teams.Token() with { Audience = "someone-else" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNothingProcessed();
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_401()
    {
        using var response = await teams.PostAsync(Message(), teams.Token() with { Issuer = "https://evil.example" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNothingProcessed();
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var now = TimeProvider.System.GetUtcNow();
        using var response = await teams.PostAsync(Message(), teams.Token() with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-10) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNothingProcessed();
    }

    [Fact]
    public async Task A_token_signed_with_an_unpublished_key_is_401()
    {
        using var response = await teams.PostAsync(Message(), teams.Token(key: teams.Identity.NewKey("bf-key-1", "msteams")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNothingProcessed();
    }

    [Fact]
    public async Task A_token_naming_another_serviceUrl_is_401_and_that_url_is_not_trusted()
    {
        var message = Message();
        message["serviceUrl"] = "https://attacker.example/teams/";

        using var response = await teams.PostAsync(message, teams.Token(serviceUrl: teams.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNothingProcessed();
    }

    [Fact]
    public async Task A_key_that_does_not_endorse_the_channel_is_403()
    {
        var webchatOnly = teams.Identity.NewKey("bf-key-webchat", "webchat");
        teams.Identity.Publish(webchatOnly);

        using var response = await teams.PostAsync(Message(), teams.Token(key: webchatOnly));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertNothingProcessed();
    }

    [Fact]
    public async Task Malformed_json_with_a_valid_token_is_refused_without_a_turn()
    {
        using var response = await teams.PostRawAsync("{\"type\": \"message\", \"serviceUrl\": ", "Bearer " + teams.Identity.Mint(teams.Token()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNothingProcessed();
    }

    [Fact]
    public async Task An_authenticated_body_that_is_no_activity_is_400()
    {
        var notAnActivity = new JsonObject { ["serviceUrl"] = teams.ServiceUrl, ["channelId"] = "msteams", ["type"] = "message" };

        using var response = await teams.PostAsync(notAnActivity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNothingProcessed();
    }

    [Fact]
    public async Task An_oversized_body_is_413_before_it_is_parsed()
    {
        var message = Message();
        message["text"] = new string('x', 300 * 1024);

        using var response = await teams.PostAsync(message);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertNothingProcessed();
    }
}
