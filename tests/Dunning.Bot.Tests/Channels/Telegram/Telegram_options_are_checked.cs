using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Telegram_options_are_checked
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
