using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>Documented Teams payloads through /api/messages: what the bot sees and what goes back on the wire.</summary>
public sealed class Turns_and_replies_over_the_wire : IAsyncLifetime
{
    private TeamsChannelHarness teams = null!;

    public async Task InitializeAsync() => teams = await TeamsChannelHarness.StartAsync();

    public async Task DisposeAsync() => await teams.DisposeAsync();

    [Fact]
    public async Task The_same_activity_id_delivered_twice_runs_one_turn()
    {
        using var first = await teams.PostAsync(teams.Fixture("teams-message-personal-tenant.json"));
        using var retry = await teams.PostAsync(teams.Fixture("teams-message-personal-tenant.json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(teams.Bot.Turns);
        Assert.Single(teams.Connector.Requests);
    }

    [Fact]
    public async Task A_retry_arriving_while_the_first_attempt_still_runs_waits_for_it_and_runs_no_second_turn()
    {
        var slow = teams.Fixture("teams-message.json");
        slow["text"] = "slow";
        var firstAttempt = teams.PostAsync(slow);
        await teams.Bot.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // Answered once the first attempt is done (had that one failed, the retry would run the turn).
        var retryAttempt = teams.PostAsync(slow.DeepClone());
        teams.Bot.Release.SetResult();
        using var first = await firstAttempt;
        using var retry = await retryAttempt;

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Single(teams.Bot.Turns);
        Assert.Equal("done", (string?)Assert.Single(teams.Connector.Requests).Json!["text"]);
    }

    [Fact]
    public async Task ExpectReplies_returns_the_replies_in_the_body_and_sends_nothing_to_the_connector()
    {
        var message = teams.Fixture("teams-message.json");
        message["text"] = "two";
        message["deliveryMode"] = "expectReplies";

        using var response = await teams.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var replies = body["activities"]!.AsArray();
        Assert.Equal(["one", "two"], replies.Select(r => (string?)r!["text"]));
        Assert.All(replies, r => Assert.Equal("1485983408511", (string?)r!["replyToId"]));
        Assert.Empty(teams.Connector.Requests);
    }

    [Fact]
    public async Task An_adaptive_card_action_invoke_runs_as_the_cards_input_and_is_answered_with_an_adaptive_card_invoke_response()
    {
        using var response = await teams.PostAsync(teams.Fixture("teams-invoke-adaptive-card-action.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Equal("approveDeferral", (string?)body["value"]);
        var turn = Assert.Single(teams.Bot.Turns);
        Assert.Equal(ActivityTypes.Message, turn.Type);
        Assert.Equal("approveDeferral", turn.Text);
        Assert.Equal("INV-2021-0042", turn.Value!.Value.GetProperty("invoiceId").GetString());
    }

    [Fact]
    public async Task Another_invoke_is_answered_with_the_bots_invoke_response()
    {
        var invoke = teams.Fixture("teams-invoke-adaptive-card-action.json");
        invoke["name"] = "task/fetch";

        using var response = await teams.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["ok"]!);
        Assert.Equal(ActivityTypes.Invoke, Assert.Single(teams.Bot.Turns).Type);
    }

    [Fact]
    public async Task A_card_submit_with_a_choice_reaches_the_bot_as_that_text_with_the_value_kept()
    {
        var submit = teams.Fixture("card-submit-message-with-value.json");
        submit["value"] = new JsonObject { ["choice"] = "Open balance", ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = "Open balance" } };

        using var response = await teams.PostAsync(submit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(teams.Bot.Turns);
        Assert.Equal("Open balance", turn.Text);
        Assert.Equal("Open balance", turn.Value!.Value.GetProperty("choice").GetString());
    }

    [Fact]
    public async Task The_documented_card_submit_without_a_choice_reaches_the_bot_with_its_value_and_no_text()
    {
        using var response = await teams.PostAsync(teams.Fixture("card-submit-message-with-value.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(teams.Bot.Turns);
        Assert.True(string.IsNullOrEmpty(turn.Text));
        Assert.Equal("3", turn.Value!.Value.GetProperty("instalments").GetString());
    }

    [Fact]
    public async Task A_forged_choice_longer_than_a_button_label_is_not_turned_into_text()
    {
        var submit = teams.Fixture("card-submit-message-with-value.json");
        submit["value"] = new JsonObject { ["choice"] = new string('a', 5000) };

        using var response = await teams.PostAsync(submit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(string.IsNullOrEmpty(Assert.Single(teams.Bot.Turns).Text));
    }

    [Fact]
    public async Task In_a_channel_the_bots_own_mention_is_stripped_from_the_text()
    {
        using var response = await teams.PostAsync(teams.Fixture("teams-channel-message-with-mention.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Suggest a song", Assert.Single(teams.Bot.Turns).Text);
        var reply = Assert.Single(teams.Connector.Requests);
        Assert.Equal("19:253b1f341670408fb6fe51050b6e5ceb@thread.skype;messageid=1491325624417", reply.ConversationId);
    }

    [Fact]
    public async Task Install_events_reach_the_bot_with_everything_a_conversation_reference_needs()
    {
        using var install = await teams.PostAsync(teams.Fixture("teams-installation-update-add.json"));
        using var added = await teams.PostAsync(teams.Fixture("teams-conversation-update-bot-added-to-team.json"));

        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal([ActivityTypes.InstallationUpdate, ActivityTypes.ConversationUpdate], teams.Bot.Turns.Select(t => t.Type));
        var reference = teams.Bot.Turns[0].GetConversationReference();
        Assert.Equal(teams.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", reference.Conversation!.TenantId);
        Assert.Equal("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", reference.Bot!.Id);
    }

    [Fact]
    public async Task In_a_personal_chat_an_answer_with_choices_is_one_message_of_text_and_suggested_actions_without_a_card()
    {
        var message = teams.Fixture("teams-message.json");
        message["text"] = "choices";

        using var response = await teams.PostAsync(message);

        var reply = Assert.Single(teams.Connector.Requests).Json!;
        Assert.Equal("Pick one", (string?)reply["text"]);
        Assert.Equal(["Open balance", "I have paid"], reply["suggestedActions"]!["actions"]!.AsArray().Select(a => (string?)a!["title"]));
        Assert.True(reply["attachments"] is null || reply["attachments"]!.AsArray().Count == 0, "no card repeats the buttons");
    }

    [Fact]
    public async Task In_a_channel_an_answer_with_choices_is_one_adaptive_card_with_the_text_and_submit_buttons_carrying_the_choice()
    {
        var message = teams.Fixture("teams-channel-message-with-mention.json");
        message["text"] = "<at>SongsuggesterBot</at> choices";

        using var response = await teams.PostAsync(message);

        var reply = Assert.Single(teams.Connector.Requests).Json!;
        Assert.Null((string?)reply["text"]);
        Assert.Null(reply["suggestedActions"]);
        var attachment = Assert.Single(reply["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("Pick one", (string?)Assert.Single(card["body"]!.AsArray())!["text"]);
        var buttons = card["actions"]!.AsArray();
        Assert.All(buttons, b => Assert.Equal("Action.Submit", (string?)b!["type"]));
        Assert.Equal(["Open balance", "I have paid"], buttons.Select(b => (string?)b!["data"]!["choice"]));
        Assert.Equal(["imBack", "imBack"], buttons.Select(b => (string?)b!["data"]!["msteams"]!["type"]));
        Assert.Equal("I have paid", (string?)buttons[1]!["data"]!["msteams"]!["value"]);
    }

    [Fact]
    public async Task A_png_data_uri_goes_out_as_an_inline_image_in_a_personal_chat()
    {
        var message = teams.Fixture("teams-message.json");
        message["text"] = "image";

        using var response = await teams.PostAsync(message);

        var attachment = Assert.Single(Assert.Single(teams.Connector.Requests).Json!["attachments"]!.AsArray())!;
        Assert.Equal("image/png", (string?)attachment["contentType"]);
        Assert.Equal(RecordingBot.TinyPng, (string?)attachment["contentUrl"]);
    }

    [Fact]
    public async Task A_png_data_uri_in_a_channel_goes_out_as_an_adaptive_card_image()
    {
        var message = teams.Fixture("teams-channel-message-with-mention.json");
        message["text"] = "<at>SongsuggesterBot</at> image";

        using var response = await teams.PostAsync(message);

        var reply = Assert.Single(teams.Connector.Requests).Json!;
        Assert.Null((string?)reply["text"]);
        var attachment = Assert.Single(reply["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var body = attachment["content"]!["body"]!.AsArray();
        Assert.Equal(["TextBlock", "Image"], body.Select(e => (string?)e!["type"]));
        Assert.Equal("Scan to pay", (string?)body[0]!["text"]);
        var image = body[1]!;
        Assert.Equal(RecordingBot.TinyPng, (string?)image["url"]);
    }

    [Fact]
    public async Task A_reply_that_the_connector_refuses_ends_the_turn_without_crashing_the_endpoint()
    {
        teams.Connector.FailNext(500);
        teams.Connector.FailNext(500);

        using var response = await teams.PostAsync(teams.Fixture("teams-message.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(teams.Bot.Turns);
        Assert.Equal([500, 500], teams.Connector.Requests.Select(r => r.Status));
        Assert.Equal(JsonValueKind.String, JsonDocument.Parse(teams.Connector.Requests[1].Body).RootElement.GetProperty("text").ValueKind);
    }
}
