using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class The_webhook_secret_is_compared_in_constant_time
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
