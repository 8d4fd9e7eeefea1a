using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Conversations.Tests;

public class Activity_wire_format
{
    private static string[] FixtureNames() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Select(f => Path.GetFileName(f))];

    public static TheoryData<string> Fixtures() => [.. FixtureNames()];

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_documented_payload_round_trips_without_loss(string fixture)
    {
        var original = Fixture(fixture);

        var written = ActivityJson.Serialize(ActivityJson.Deserialize(original));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)), $"{fixture} changed:\n{written}");
    }

    [Fact]
    public void There_are_fixtures_for_message_conversation_update_invoke_and_card_submit()
    {
        var types = FixtureNames().Select(f => ActivityJson.Deserialize(Fixture(f)).Type).ToHashSet();

        Assert.Superset(new HashSet<string> { "message", "conversationUpdate", "invoke" }, types);
    }

    [Fact]
    public void A_teams_message_maps_onto_the_modelled_properties()
    {
        var activity = ActivityJson.Deserialize(Fixture("teams-message.json"));

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("Hello Teams TestBot", activity.Text);
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", activity.From!.AadObjectId);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Equal(new DateTimeOffset(2017, 2, 1, 21, 10, 7, 437, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(-7), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal("clientInfo", Assert.Single(activity.Entities!).Type);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", activity.ChannelData!.Value.GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public void A_conversation_update_lists_the_added_members_and_the_group_flag()
    {
        var activity = ActivityJson.Deserialize(Fixture("teams-conversation-update-bot-added-to-team.json"));

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal("28:f5d48856-5b42-41a0-8c3a-c5f944b679b0", Assert.Single(activity.MembersAdded!).Id);
        Assert.True(activity.Conversation!.IsGroup);
    }

    [Fact]
    public void A_card_submit_keeps_its_value_as_raw_json()
    {
        var activity = ActivityJson.Deserialize(Fixture("card-submit-message-with-value.json"));

        Assert.Null(activity.Text);
        Assert.Equal("proposePlan", activity.Value!.Value.GetProperty("action").GetString());
        Assert.Equal("Können wir das in drei Raten machen?", activity.Value!.Value.GetProperty("comment").GetString());
    }

    [Fact]
    public void An_invoke_carries_its_name_and_value_and_tenant()
    {
        var activity = ActivityJson.Deserialize(Fixture("teams-invoke-adaptive-card-action.json"));

        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("approveDeferral", activity.Value!.Value.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", activity.Conversation!.TenantId);
        Assert.Equal("Europe/Berlin", activity.LocalTimezone);
    }

    [Fact]
    public void Unknown_properties_at_every_level_survive_a_round_trip()
    {
        const string json = """
            {"type":"message","futureField":{"nested":[1,2,{"x":null}]},"text":"hi",
             "from":{"id":"u1","userPrincipalName":"a@b.c"},
             "conversation":{"id":"c1","isGroup":false,"extra":42},
             "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","body":[]},"futureAttachmentField":true}],
             "suggestedActions":{"actions":[{"type":"imBack","title":"A","value":"a","channelData":{"k":1}}],"futureSa":"x"},
             "entities":[{"type":"mention","mentioned":{"id":"b"},"text":"<at>Bot</at>"}]}
            """;

        var written = ActivityJson.Serialize(ActivityJson.Deserialize(json));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Names_are_written_in_camel_case_and_nulls_are_left_out()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "x", ReplyToId = "1", From = new ChannelAccount("u") { AadObjectId = "a" } };

        var json = ActivityJson.Serialize(activity);

        Assert.Equal("""{"type":"message","from":{"id":"u","aadObjectId":"a"},"text":"x","replyToId":"1"}""", json);
    }

    [Theory]
    [InlineData("{\"type\":")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday\"}")]
    [InlineData("{\"type\":\"message\",\"membersAdded\":{\"id\":\"not an array\"}}")]
    public void Malformed_payloads_are_rejected_with_a_json_exception(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ActivityJson.Deserialize(json));
    }

    [Fact]
    public void Hostile_nesting_beyond_the_depth_limit_is_rejected()
    {
        var json = "{\"type\":\"message\",\"value\":" + new string('[', 5000) + new string(']', 5000) + "}";

        Assert.ThrowsAny<JsonException>(() => ActivityJson.Deserialize(json));
    }
}
