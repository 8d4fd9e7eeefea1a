using Dunning.Bot.Conversations;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>The real host with <see cref="EchoTestBot"/> (or the given bot) as its bot.</summary>
internal static class WebChatHost
{
    public static BotHost Start(Dictionary<string, string?>? settings = null, TimeProvider? clock = null, string environment = "Testing", IBot? bot = null) =>
        new(settings, environment, clock, services =>
        {
            services.RemoveAll<IBot>();
            if (bot is null)
                services.AddSingleton<IBot, EchoTestBot>();
            else
                services.AddSingleton(bot);
        });

    public static DirectLineClient Client(this BotHost host) => new(host.CreateHttpClient());
}
