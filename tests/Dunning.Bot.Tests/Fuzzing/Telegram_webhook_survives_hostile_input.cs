using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Channels.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Fuzzing;

/// <summary>
/// 10,000 generated hostile updates posted to the Telegram webhook with the right secret (against the fake Bot API):
/// every answer a 4xx, no error logged, nothing stored and no turn run.
/// </summary>
public sealed class Telegram_webhook_survives_hostile_input : TelegramChannelTestBase
{
    private static readonly string[] Templates =
    [
        """{"update_id":@@V,"message":{"message_id":1,"date":1741944600,"chat":{"id":424242,"type":"private"},"from":{"id":424242,"is_bot":false,"first_name":"Anna"},"text":"@@S"}}""",
        """{"update_id":@@V,"callback_query":{"id":"q1","from":{"id":424242,"is_bot":false,"first_name":"@@S"},"chat_instance":"c","data":"x"}}""",
    ];

    protected override Dictionary<string, string?> Settings() => new()
    {
        ["Mode"] = "webhook",
        ["WebhookUrl"] = "{host}/telegram/webhook",
        ["SecretToken"] = Secret,
    };

    [Fact]
    public async Task Ten_thousand_hostile_inputs_get_4xx_and_change_nothing()
    {
        using var http = new HttpClient { BaseAddress = Host.BaseUrl };
        var database = Host.Services.GetRequiredService<LiteDbContext>().Database;
        var before = DataSnapshot.Of(database);

        await FuzzRun.RunAsync(http, new HostileInputs(1704, 1024 * 1024, "700000001", Templates)
        {
            // update_id is a number here: any other type (or a number beyond 64 bits) is wrong.
            WrongValues = ["\"5\"", "-1.5e309", "1e400", "true", "null", "[]", "{}", "[1,\"a\"]", "\"\\ud800\"", "0x1F", "18446744073709551616"],
        }, (_, input) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "telegram/webhook") { Content = input.Content() };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
            return request;
        });

        Assert.Equal(before, DataSnapshot.Of(database));
        Assert.Empty(Bot.Received);
        Assert.DoesNotContain(Host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }
}
