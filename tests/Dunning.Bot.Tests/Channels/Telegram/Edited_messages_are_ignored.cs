using System.Text.Json;
using Dunning.Bot.Tests.Fakes.Telegram;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Edited_messages_are_ignored : TelegramChannelTestBase
{
    protected override Dictionary<string, string?> Settings() => new()
    {
        ["AllowedUpdates:0"] = "message",
        ["AllowedUpdates:1"] = "callback_query",
        ["AllowedUpdates:2"] = "edited_message",
    };

    [Fact]
    public async Task An_edited_message_reaches_nobody_and_the_next_message_does()
    {
        var original = Server.EnqueueMessage(Anna, "Ich zahle morgen");
        await UntilAsync(() => Bot.Received.Count == 1);
        Server.EnqueueEditedMessage(Anna, original.MessageId!.Value, "Ich zahle nie", 1_741_944_600);
        Server.EnqueueMessage(Anna, "Danke");

        await UntilAsync(() => Bot.Received.Count == 2);

        Assert.Equal(["Ich zahle morgen", "Danke"], Bot.Texts);
        Assert.Contains(Host.Logs.Lines, l => l.Contains("EditedMessage", StringComparison.Ordinal));
    }
}
