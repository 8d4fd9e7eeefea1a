using System.Net;
using System.Text.Json.Nodes;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>
/// The Bot Connector delivers an activity again when its answer was slow or lost: the same id in the same conversation is
/// acknowledged with the first answer's status and runs no second turn — also when the copies arrive at once, and with
/// <c>expectReplies</c> (an empty <c>activities</c> list: the replies went with the first answer). The record is written
/// with the turn, so a turn that failed (500) is not taken as processed and its retry runs.
/// </summary>
public sealed class A_retried_teams_delivery_runs_once : IAsyncLifetime
{
    private TeamsChannelHarness teams = null!;

    public async Task InitializeAsync() => teams = await TeamsChannelHarness.StartAsync();

    public async Task DisposeAsync() => await teams.DisposeAsync();

    [Fact]
    public async Task Copies_delivered_at_once_run_one_turn_and_send_one_reply()
    {
        var message = teams.Fixture("teams-message.json");
        message["id"] = "at-once";

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => teams.PostAsync(message.DeepClone())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
            response.Dispose();
        Assert.Single(teams.Bot.Turns);
        Assert.Single(teams.Sent);
    }

    [Fact]
    public async Task A_turn_that_failed_is_not_taken_as_processed_and_its_retry_runs()
    {
        var message = teams.Fixture("teams-message.json");
        message["id"] = "fails-first";
        message["text"] = "fail once";

        using (var failed = await teams.PostAsync(message))
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(teams.Sent);
        using var retry = await teams.PostAsync(message.DeepClone());
        using var again = await teams.PostAsync(message.DeepClone());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (retry.StatusCode, again.StatusCode));
        Assert.Equal(2, teams.Bot.Turns.Count);
        Assert.Equal("echo: fail once", (string?)Assert.Single(teams.Sent).Json!["text"]);
    }

    [Fact]
    public async Task A_retry_with_expect_replies_gets_an_empty_list_and_runs_nothing()
    {
        var message = teams.Fixture("teams-message.json");
        message["id"] = "expecting";
        message["text"] = "two";
        message["deliveryMode"] = "expectReplies";

        using var first = await teams.PostAsync(message);
        using var retry = await teams.PostAsync(message.DeepClone());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal(2, JsonNode.Parse(await first.Content.ReadAsStringAsync())!["activities"]!.AsArray().Count);
        Assert.Empty(JsonNode.Parse(await retry.Content.ReadAsStringAsync())!["activities"]!.AsArray());
        Assert.Single(teams.Bot.Turns);
        Assert.Empty(teams.Sent);
    }

    [Fact]
    public async Task A_retried_card_action_gets_the_same_answer_and_another_id_or_conversation_runs()
    {
        var invoke = teams.Fixture("teams-invoke-adaptive-card-action.json");
        var elsewhere = invoke.DeepClone();
        elsewhere["conversation"]!["id"] = "a:another-conversation";
        var next = invoke.DeepClone();
        next["id"] = "another-id";

        using var first = await teams.PostAsync(invoke);
        using var retry = await teams.PostAsync(invoke.DeepClone());
        using var other = await teams.PostAsync(elsewhere);
        using var later = await teams.PostAsync(next);

        Assert.All(new[] { first, retry, other, later }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(3, teams.Bot.Turns.Count);
    }
}
