using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Without_a_token_the_channel_stays_off
{
    [Fact]
    public async Task Stays_off_and_says_once_how_to_turn_it_on()
    {
        var folder = Directory.CreateTempSubdirectory("dunning-telegram-off-");
        try
        {
            await using var host = await TelegramHost.StartAsync(Path.Combine(folder.FullName, "db"), new RecordingBot(), new Dictionary<string, string?>(), CancellationToken.None);

            Assert.DoesNotContain(host.Services.GetServices<IProactiveChannel>(), c => c.ChannelId == "telegram");
            var notice = Assert.Single(host.Logs.Lines, l => l.Contains("Telegram", StringComparison.Ordinal));
            Assert.Contains("Telegram__Token=", notice);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
