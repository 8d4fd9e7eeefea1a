using Dunning.Bot.Conversations;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>The real host with <see cref="EchoTestBot"/> as its bot (until the dunning bot is on main).</summary>
internal static class WebChatHost
{
    public static BotHost Start(Dictionary<string, string?>? settings = null, TimeProvider? clock = null, string environment = "Testing") =>
        new(settings, environment, clock, services =>
        {
            services.RemoveAll<IBot>();
            services.AddSingleton<IBot, EchoTestBot>();
        });

    public static DirectLineClient Client(this BotHost host) => new(host.CreateHttpClient());
}
