using Dunning.Bot.Channels;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;

using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// When the storage refuses a proactive message (here: LiteDB refuses a document over its size limit), the web chat
/// answers RetryLater with the storage's reason — whatever the provider — and the conversation's log is unchanged.
/// </summary>
public sealed class A_storage_failure_makes_a_proactive_message_wait : IDisposable
{
    private readonly Infrastructure.BotHost host = WebChatHost.Start();

    [LiteDbOnlyFact("the failure it provokes is LiteDB's document size limit, which PostgreSQL does not have")]
    public async Task The_message_is_retried_later_and_nothing_is_appended()
    {
        var client = host.Client();
        await client.StartAsync();
        var before = await host.Services.GetRequiredService<IWebChatStore>().LastSequenceAsync(client.ConversationId, CancellationToken.None);
        var channel = host.Services.GetServices<IProactiveChannel>().Single(c => c.ChannelId == WebChatAdapter.Channel);
        var reference = new ConversationReference
        {
            ChannelId = "webchat",
            Conversation = new ConversationAccount(client.ConversationId),
            User = new ChannelAccount("dl_user"),
            Bot = new ChannelAccount("bot"),
        };

        var result = await channel.SendAsync(reference, [Activity.CreateMessage(new string('x', 17 * 1024 * 1024))], CancellationToken.None);

        Assert.Equal(DeliveryStatus.RetryLater, result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
        Assert.Equal(before, await host.Services.GetRequiredService<IWebChatStore>().LastSequenceAsync(client.ConversationId, CancellationToken.None));
    }

    public void Dispose() => host.Dispose();
}
