using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class CommandsMenuIsRegistered : TelegramChannelTestBase
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

public sealed class ChannelWithoutToken
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

public sealed class TelegramOptionsAreChecked
{
    private const string Token = "7000000001:AAFakeTokenForDunningBotTests_abc12";

    private static IReadOnlyList<string> Problems(TelegramOptions options)
    {
        var result = new TelegramOptionsValidation().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Fact]
    public void No_token_is_valid_and_off()
    {
        Assert.Empty(Problems(new TelegramOptions()));
        Assert.False(new TelegramOptions().Enabled);
    }

    [Fact]
    public void Polling_with_a_token_needs_nothing_else()
    {
        Assert.Empty(Problems(new TelegramOptions { Token = Token }));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("123:short")]
    public void A_malformed_token_is_reported_without_echoing_it(string token)
    {
        var problems = Problems(new TelegramOptions { Token = token });

        Assert.Contains(problems, p => p.Contains("Telegram:Token", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public void Webhook_mode_needs_an_https_url_and_a_secret()
    {
        var problems = Problems(new TelegramOptions { Token = Token, Mode = TelegramMode.Webhook, WebhookUrl = "http://bot.example.org/telegram/webhook" });

        Assert.Contains(problems, p => p.Contains("Telegram:WebhookUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Telegram:SecretToken", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ümlaut")]
    public void A_secret_Telegram_would_refuse_is_reported(string secret)
    {
        var problems = Problems(new TelegramOptions { Token = Token, Mode = TelegramMode.Webhook, WebhookUrl = "https://bot.example.org/telegram/webhook", SecretToken = secret });

        Assert.Contains(problems, p => p.Contains("Telegram:SecretToken", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Zero_rate_limits_are_reported()
    {
        var problems = Problems(new TelegramOptions { Token = Token, GlobalPerSecond = 0, PerChatPerSecond = 0 });

        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public async Task A_host_with_a_bad_setting_does_not_start()
    {
        var folder = Directory.CreateTempSubdirectory("dunning-telegram-bad-");
        try
        {
            var settings = new Dictionary<string, string?> { ["Token"] = Token, ["Mode"] = "webhook", ["WebhookUrl"] = "https://bot.example.org/telegram/webhook" };

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
                TelegramHost.StartAsync(Path.Combine(folder.FullName, "db"), new RecordingBot(), settings, CancellationToken.None));

            Assert.Contains("SecretToken", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

public sealed class WebhookSecretComparison
{
    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", false)]
    [InlineData("abc", "abcd", false)]
    [InlineData("", "abc", false)]
    [InlineData("abc", null, false)]
    [InlineData("abc", "", false)]
    public void Matches_only_the_exact_configured_secret(string presented, string? configured, bool expected)
    {
        Assert.Equal(expected, TelegramWebhook.SecretMatches(presented, configured));
    }
}
