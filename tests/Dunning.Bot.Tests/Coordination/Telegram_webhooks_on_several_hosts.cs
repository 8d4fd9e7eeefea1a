using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>
/// In webhook mode every host takes the updates posted to it into the shared inbox, and only the leader handles them:
/// an update posted to a host that does not lead is answered once, by the leader.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Telegram_webhooks_on_several_hosts(PostgresServer postgres) : TelegramHostsOnOneDatabase(postgres)
{
    private const string Secret = "s3cr3t_Webhook-Token";
    private static readonly Dictionary<string, string?> Webhook = new()
    {
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookUrl"] = "http://127.0.0.1:9/telegram/webhook", // the test posts to each host itself
        ["Telegram:SecretToken"] = Secret,
    };

    private static readonly HttpClient Http = new();

    [PostgresFact]
    public async Task An_update_posted_to_a_host_that_does_not_lead_is_handled_once_by_the_leader()
    {
        var hosts = new[] { StartHost(Webhook), StartHost(Webhook) };
        await Server.WaitUntilAsync(s => s.Calls.Count(c => c.Method == "setWebhook" && c.StatusCode == 200) >= 2, Wait, Ct);
        Server.RegisterPrivateChat(new(424242, "Anna"));
        Server.RegisterPrivateChat(new(515151, "Ben"));

        await PostAsync(hosts[0], Update(700000001, 424242, "Hallo"));
        await Server.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == 424242), Wait, Ct);
        var leader = hosts.Single(h => h.Calls("sendMessage") > 0);
        var other = hosts.Single(h => h != leader);
        var toAnna = Server.SentMessages.Count(m => m.ChatId == 424242);

        await PostAsync(other, Update(700000002, 515151, "Hallo"));
        await PostAsync(leader, Update(700000002, 515151, "Hallo")); // Telegram redelivers
        await Server.WaitUntilAsync(s => s.SentMessages.Any(m => m.ChatId == 515151), Wait, Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);

        Assert.Equal(0, other.Calls("sendMessage"));
        Assert.Equal(toAnna, Server.SentMessages.Count(m => m.ChatId == 424242));
        Assert.Equal(toAnna, Server.SentMessages.Count(m => m.ChatId == 515151));
    }

    private async Task PostAsync(TelegramHostOnPostgres host, string update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Host.BaseAddress, "telegram/webhook"))
        {
            Content = new StringContent(update, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var response = await Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A text message update in the private chat <paramref name="chat"/>, as Telegram posts it to a webhook.</summary>
    internal static string Update(long id, long chat, string text) => new JsonObject
    {
        ["update_id"] = id,
        ["message"] = new JsonObject
        {
            ["message_id"] = id % 1000,
            ["date"] = 1741944600,
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "Anna" },
            ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Anna", ["language_code"] = "de" },
            ["text"] = text,
        },
    }.ToJsonString();
}
