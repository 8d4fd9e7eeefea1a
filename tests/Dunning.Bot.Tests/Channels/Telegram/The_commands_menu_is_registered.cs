using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class The_commands_menu_is_registered : TelegramChannelTestBase
{
    [Theory]
    [InlineData("", "Starten oder diesen Chat mit Ihrem Zugangscode verknüpfen")]
    [InlineData("de", "Starten oder diesen Chat mit Ihrem Zugangscode verknüpfen")]
    [InlineData("en", "Start, or link this chat with your access code")]
    public void In_German_English_and_by_default(string language, string startDescription)
    {
        var commands = Server.RegisteredCommands(languageCode: language);

        Assert.NotNull(commands);
        Assert.Equal(["start", "help", "invoice", "human", "stop"], commands.Select(c => c.Command));
        Assert.Equal(startDescription, commands[0].Description);
        Assert.All(commands, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
    }

    [Fact]
    public void The_bot_username_comes_from_getMe_for_deep_links()
    {
        var identity = Host.Services.GetRequiredService<TelegramBotIdentity>();

        Assert.Equal("dunning_test_bot", identity.Username);
        Assert.Equal(new Uri("https://t.me/dunning_test_bot?start=Lk_9x-AbC"), identity.DeepLink("Lk_9x-AbC"));
    }
}
