using Dunning.Bot.Conversations;

namespace Dunning.Bot.Conversations.Tests;

public class Activity_helpers
{
    private static Activity Incoming() => new()
    {
        Type = ActivityTypes.Message,
        Id = "m1",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.example/",
        From = new ChannelAccount("user", "Ute"),
        Recipient = new ChannelAccount("bot", "Bot"),
        Conversation = new ConversationAccount("conv"),
        Locale = "de-DE",
        Text = "Hallo",
    };

    [Fact]
    public void A_reply_swaps_sender_and_recipient_and_points_at_the_incoming_message()
    {
        var incoming = Incoming();

        var reply = incoming.CreateReply("Guten Tag");

        Assert.Equal(("bot", "user"), (reply.From!.Id, reply.Recipient!.Id));
        Assert.Equal(("m1", "conv", "msteams", "de-DE"), (reply.ReplyToId, reply.Conversation!.Id, reply.ChannelId, reply.Locale));
        Assert.Equal("Guten Tag", reply.Text);
        Assert.Equal("user", incoming.From!.Id);
    }

    [Fact]
    public void A_reference_taken_from_an_activity_addresses_a_later_proactive_message()
    {
        var reference = Incoming().GetConversationReference();

        var proactive = Activity.CreateMessage("Erinnerung").ApplyConversationReference(reference);

        Assert.Equal(("bot", "user", "conv"), (proactive.From!.Id, proactive.Recipient!.Id, proactive.Conversation!.Id));
        Assert.Equal(("https://smba.example/", "msteams", "m1"), (proactive.ServiceUrl, proactive.ChannelId, proactive.ReplyToId));
    }

    [Fact]
    public void Applying_a_reference_as_incoming_makes_the_user_the_sender()
    {
        var reference = Incoming().GetConversationReference();

        var incoming = new Activity { Type = ActivityTypes.Event }.ApplyConversationReference(reference, isIncoming: true);

        Assert.Equal(("user", "bot", "m1"), (incoming.From!.Id, incoming.Recipient!.Id, incoming.Id));
    }

    [Fact]
    public void A_reference_survives_json_as_the_host_would_store_it()
    {
        var reference = Incoming().GetConversationReference();

        var json = System.Text.Json.JsonSerializer.Serialize(reference, ActivityJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<ConversationReference>(json, ActivityJson.Options)!;

        Assert.Equal(("user", "bot", "conv", "https://smba.example/"), (back.User!.Id, back.Bot!.Id, back.Conversation!.Id, back.ServiceUrl));
        Assert.Contains("\"serviceUrl\"", json, StringComparison.Ordinal);
    }
}
