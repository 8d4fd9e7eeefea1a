using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Conversations;
using Dunning.Bot.Hosting.Coordination;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Tests.Channels.Teams;

public sealed class Teams_channel_building_blocks
{
    [Fact]
    public void A_delivery_key_tells_channels_conversations_and_ids_apart_and_an_activity_without_id_has_none()
    {
        var key = TeamsDeliveries.Key("msteams", "c1", "a1");

        Assert.Equal(key, TeamsDeliveries.Key("msteams", "c1", "a1"));
        Assert.Equal(4, new[] { key, TeamsDeliveries.Key("msteams", "c2", "a1"), TeamsDeliveries.Key("emulator", "c1", "a1"), TeamsDeliveries.Key("msteams", "c1", "a2") }.Distinct().Count());
        Assert.Equal(64, key!.Length);
        Assert.Null(TeamsDeliveries.Key("msteams", "c1", null));
        Assert.Null(TeamsDeliveries.Key("msteams", "c1", ""));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams", "https://smba.trafficmanager.net/teams/")]
    [InlineData("HTTPS://SMBA.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/")]
    [InlineData("ftp://smba.trafficmanager.net/", null)]
    [InlineData("https://user:pw@smba.trafficmanager.net/", null)]
    [InlineData("https://smba.trafficmanager.net/?redirect=evil", null)]
    [InlineData("/relative/", null)]
    [InlineData("", null)]
    public void ServiceUrls_are_normalized_and_anything_odd_is_refused(string input, string? expected) =>
        Assert.Equal(expected, TrustedServiceUrls.Normalize(input));

    [Fact]
    public async Task The_rate_limits_let_a_burst_through_then_answer_how_long_to_wait()
    {
        await using var budget = new LocalSendBudget(TimeProvider.System);
        var limits = new TeamsRateLimits(budget, Options.Create(new TeamsOptions { ConversationBurst = 3, ConversationReplenishmentPeriod = TimeSpan.FromMinutes(1) }));

        for (var i = 0; i < 3; i++)
            Assert.NotNull((await limits.AcquireAsync("https://s/", "c1", "t", mayWait: false, default)).Permit);
        var refused = await limits.AcquireAsync("https://s/", "c1", "t", mayWait: false, default);

        Assert.Null(refused.Permit);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.NotNull((await limits.AcquireAsync("https://s/", "c2", "t", mayWait: false, default)).Permit);
    }

    [Fact]
    public async Task The_tenant_limit_holds_across_conversations()
    {
        await using var budget = new LocalSendBudget(TimeProvider.System);
        var limits = new TeamsRateLimits(budget, Options.Create(new TeamsOptions { TenantRequestsPerSecond = 2 }));

        Assert.NotNull((await limits.AcquireAsync("https://s/", "c1", "t", mayWait: false, default)).Permit);
        Assert.NotNull((await limits.AcquireAsync("https://s/", "c2", "t", mayWait: false, default)).Permit);
        Assert.Null((await limits.AcquireAsync("https://s/", "c3", "t", mayWait: false, default)).Permit);
        Assert.NotNull((await limits.AcquireAsync("https://s/", "c4", "other-tenant", mayWait: false, default)).Permit);
    }

    [Fact]
    public void A_mention_of_someone_else_stays_in_the_text()
    {
        var activity = new Activity
        {
            Text = "<at>Anna</at> please pay",
            Recipient = new ChannelAccount("28:bot"),
            Conversation = new ConversationAccount("19:x@thread.skype", "channel") { IsGroup = true },
            Entities = [Mention("29:anna", "<at>Anna</at>")],
        };

        TeamsInbound.Normalize(activity);

        Assert.Equal("<at>Anna</at> please pay", activity.Text);
    }

    [Fact]
    public void In_a_personal_chat_the_text_is_left_alone()
    {
        var activity = new Activity
        {
            Text = "<at>Bot</at> hi",
            Recipient = new ChannelAccount("28:bot"),
            Conversation = new ConversationAccount("a:1", "personal"),
            Entities = [Mention("28:bot", "<at>Bot</at>")],
        };

        TeamsInbound.Normalize(activity);

        Assert.Equal("<at>Bot</at> hi", activity.Text);
    }

    [Fact]
    public void An_open_url_choice_becomes_an_open_url_action_and_choices_without_value_are_skipped()
    {
        var card = TeamsCards.ChoiceCard([
            new CardAction { Type = CardAction.OpenUrl, Title = "Pay online", Value = System.Text.Json.JsonSerializer.SerializeToElement("https://pay.example/1") },
            new CardAction { Type = CardAction.ImBack },
        ])!;

        var action = Assert.Single(card.Content!.Value.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
        Assert.Equal("https://pay.example/1", action.GetProperty("url").GetString());
    }

    private static Entity Mention(string id, string text) => new()
    {
        Type = "mention",
        AdditionalProperties = new()
        {
            ["mentioned"] = System.Text.Json.JsonSerializer.SerializeToElement(new { id }),
            ["text"] = System.Text.Json.JsonSerializer.SerializeToElement(text),
        },
    };
}
