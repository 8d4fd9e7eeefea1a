using Dunning.Bot.Channels;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Channels.WebChat;

public sealed class Web_chat_delivers_proactive_messages : IDisposable
{
    private readonly Infrastructure.BotHost host = WebChatHost.Start();

    [Fact]
    public async Task A_staff_message_to_a_known_conversation_is_appended_and_polled()
    {
        var client = host.Client();
        await client.StartAsync();
        await client.SayAsync("hello");
        var (_, watermark) = await client.PollAsync();
        var channel = Channel();

        var result = await channel.SendAsync(Reference(client.ConversationId), [Activity.CreateMessage("Hier ist Frau Weber vom Team.")], CancellationToken.None);
        var (activities, _) = await client.PollAsync(watermark);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var message = Assert.Single(activities);
        Assert.Equal("Hier ist Frau Weber vom Team.", message.GetProperty("text").GetString());
        Assert.Equal("bot", message.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal($"{client.ConversationId}|{3:D10}", message.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unknown_conversation_is_dead()
    {
        host.Client();
        var result = await Channel().SendAsync(Reference("0123456789abcdef0123456789abcdef"), [Activity.CreateMessage("x")], CancellationToken.None);

        Assert.Equal(DeliveryStatus.Dead, result.Status);
    }

    [Fact]
    public async Task A_reference_of_another_channel_is_dead()
    {
        var client = host.Client();
        await client.StartAsync();
        var reference = Reference(client.ConversationId);
        reference.ChannelId = "telegram";

        var result = await Channel().SendAsync(reference, [Activity.CreateMessage("x")], CancellationToken.None);

        Assert.Equal(DeliveryStatus.Dead, result.Status);
        Assert.Empty((await client.PollAsync()).Activities);
    }

    [Fact]
    public void The_channel_is_registered_as_webchat()
    {
        host.Client();
        Assert.Contains(host.Services.GetServices<IProactiveChannel>(), c => c.ChannelId == "webchat" && c is WebChatAdapter);
    }

    private IProactiveChannel Channel() => host.Services.GetServices<IProactiveChannel>().Single(c => c.ChannelId == WebChatAdapter.Channel);

    private static ConversationReference Reference(string conversationId) => new()
    {
        ChannelId = "webchat",
        Conversation = new ConversationAccount(conversationId),
        User = new ChannelAccount("dl_user"),
        Bot = new ChannelAccount("bot"),
    };

    public void Dispose() => host.Dispose();
}
