using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;
using Dunning.Bot.Tests.Fakes.BotFramework;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>Without an app id: emulator-style testing in Development, the channel off elsewhere, refusal when forced on.</summary>
public sealed class Channel_switch_and_local_testing
{
    private static JsonObject EmulatorMessage(Uri serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = "emu-1",
        ["channelId"] = "emulator",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot" },
        ["conversation"] = new JsonObject { ["id"] = "conv-1" },
        ["text"] = "hello",
    };

    private static BotHost Host(string environment, RecordingBot bot, params (string Key, string? Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value), environment,
            services: s => s.Replace(ServiceDescriptor.Singleton<IBot>(bot)));

    [Fact]
    public async Task In_Development_without_an_app_id_other_bot_framework_clients_talk_to_the_same_endpoint_without_tokens()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var bot = new RecordingBot();
        await using var host = Host("Development", bot);
        using var client = host.CreateHttpClient();

        using var response = await client.PostAsJsonAsync("api/messages", EmulatorMessage(connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", Assert.Single(bot.Turns).Text);
        var reply = Assert.Single(connector.Requests);
        Assert.Null(reply.Authorization);
        Assert.Equal("echo: hello", (string?)reply.Json!["text"]);
    }

    [Fact]
    public async Task In_Development_without_an_app_id_and_without_AllowAnonymous_the_channel_is_off()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var bot = new RecordingBot();
        await using var host = Host("Development", bot, ("Teams:AllowAnonymous", "false"), ("Bot:SeedDemoData", "false"));
        using var client = host.CreateHttpClient();

        using var response = await client.PostAsJsonAsync("api/messages", EmulatorMessage(connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(bot.Turns);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task Outside_Development_without_an_app_id_the_channel_is_off()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var bot = new RecordingBot();
        await using var host = Host("Production", bot, ("Bot:SeedDemoData", "false"));
        using var client = host.CreateHttpClient();

        using var response = await client.PostAsJsonAsync("api/messages", EmulatorMessage(connector.ServiceUrl));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Turns);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public void Forcing_the_channel_on_without_an_app_id_outside_Development_refuses_to_start()
    {
        using var host = Host("Production", new RecordingBot(), ("Teams:Enabled", "true"), ("Bot:SeedDemoData", "false"));

        var error = Assert.ThrowsAny<Exception>(() => host.CreateHttpClient());

        Assert.Contains("Teams:AppId", error.ToString(), StringComparison.Ordinal);
    }
}
