using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;
using Dunning.Bot.Tests.Fakes.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Proactive_delivery_outcomes : TelegramChannelTestBase
{
    private IProactiveChannel Channel => Host.Services.GetServices<IProactiveChannel>().Single(c => c.ChannelId == "telegram");

    private static ConversationReference ChatOf(FakeUser user) => new()
    {
        ChannelId = "telegram",
        Conversation = new ConversationAccount(user.Id.ToString()),
        User = new ChannelAccount(user.Id.ToString()),
    };

    private static Activity[] Reminder => [Activity.CreateMessage("Erinnerung: Rechnung RE-2026-0087 ist offen.")];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Server.RegisterPrivateChat(Anna);
    }

    [Fact]
    public async Task A_reminder_to_a_known_chat_is_delivered()
    {
        var result = await Channel.SendAsync(ChatOf(Anna), Reminder, Ct);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Equal("Erinnerung: Rechnung RE-2026-0087 ist offen.", Assert.Single(Server.SentMessages).Text);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_dead()
    {
        Server.BlockBot(Anna.Id);

        var result = await Channel.SendAsync(ChatOf(Anna), Reminder, Ct);

        Assert.Equal(DeliveryStatus.Dead, result.Status);
        Assert.Contains("bot was blocked by the user", result.Detail);
        Assert.Empty(Server.SentMessages);
    }

    [Fact]
    public async Task A_429_is_retry_later_with_telegrams_retry_after_and_the_client_does_not_retry_by_itself()
    {
        Server.InjectFaults(new FakeFault(FakeFaultKind.TooManyRequests, "sendMessage", RetryAfterSeconds: 7));
        var callsBefore = Server.Calls.Count(c => c.Method == "sendMessage");

        var result = await Channel.SendAsync(ChatOf(Anna), Reminder, Ct);

        Assert.Equal(DeliveryStatus.RetryLater, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Equal(1, Server.Calls.Count(c => c.Method == "sendMessage") - callsBefore);
        Assert.Empty(Server.SentMessages);
    }

    [Theory]
    [InlineData(FakeFaultKind.InternalServerError)]
    [InlineData(FakeFaultKind.BadGateway)]
    public async Task A_server_error_is_retry_later_after_one_attempt(FakeFaultKind fault)
    {
        Server.InjectFaults(new FakeFault(fault, "sendMessage"));

        var result = await Channel.SendAsync(ChatOf(Anna), Reminder, Ct);

        Assert.Equal(DeliveryStatus.RetryLater, result.Status);
        Assert.Null(result.RetryAfter);
        Assert.Equal(1, Server.Calls.Count(c => c.Method == "sendMessage"));
    }

    [Fact]
    public async Task A_chat_that_never_started_the_bot_is_dead()
    {
        var result = await Channel.SendAsync(ChatOf(Ben), Reminder, Ct);

        Assert.Equal(DeliveryStatus.Dead, result.Status);
        Assert.Contains("chat not found", result.Detail);
    }

    [Theory]
    [InlineData("webchat-conversation-17")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_reference_that_is_no_telegram_chat_is_dead_without_a_call(string? conversationId)
    {
        var reference = new ConversationReference { ChannelId = "telegram", Conversation = new ConversationAccount { Id = conversationId } };
        var callsBefore = Server.Calls.Count;

        var result = await Channel.SendAsync(reference, Reminder, Ct);

        Assert.Equal(DeliveryStatus.Dead, result.Status);
        Assert.Equal(callsBefore, Server.Calls.Count);
    }

    [Fact]
    public async Task The_reference_of_an_incoming_message_addresses_its_chat()
    {
        Server.EnqueueMessage(Ben, "Hallo");
        await UntilAsync(() => Bot.Received.Count == 1 && Server.SentMessages.Count == 1);
        await Task.Delay(TimeSpan.FromSeconds(1.1), Ct); // Telegram's 1 message/s per chat

        var result = await Channel.SendAsync(Bot.Received[0].GetConversationReference(), Reminder, Ct);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Equal(Ben.Id, Server.SentMessages[^1].ChatId);
    }
}
