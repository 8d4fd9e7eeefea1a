using System.Text.Json;
using Dunning.Bot.Tests.Fakes.Telegram;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Polling_receives_and_replies : TelegramChannelTestBase
{
    [Fact]
    public async Task A_private_message_reaches_the_bot_and_its_reply_reaches_the_chat()
    {
        Server.EnqueueMessage(Anna, "Wie viel schulde ich noch?");

        await UntilAsync(() => Server.SentMessages.Count == 1);

        var received = Assert.Single(Bot.Received);
        Assert.Equal("telegram", received.ChannelId);
        Assert.Equal("Wie viel schulde ich noch?", received.Text);
        Assert.Equal(Anna.Id.ToString(), received.Conversation!.Id);
        Assert.Equal(Anna.Id.ToString(), received.From!.Id);
        Assert.Equal("Anna Berger", received.From.Name);
        Assert.Equal("de", received.Locale);
        Assert.Equal(Server.BotId.ToString(), received.Recipient!.Id);
        var reply = Assert.Single(Server.SentMessages);
        Assert.Equal(Anna.Id, reply.ChatId);
        Assert.Equal("echo: Wie viel schulde ich noch?", reply.Text);
        Assert.Null(reply.ParseMode);
    }

    [Fact]
    public async Task Start_with_a_payload_reaches_the_bot_as_text_with_the_payload()
    {
        Server.EnqueueStart(Anna, "Lk_9x-AbC");

        await UntilAsync(() => Bot.Received.Count == 1);

        var received = Bot.Received.Single();
        Assert.Equal("/start Lk_9x-AbC", received.Text);
        Assert.Equal("start", received.Value!.Value.GetProperty("command").GetString());
        Assert.Equal("Lk_9x-AbC", received.Value!.Value.GetProperty("payload").GetString());
    }

    [Theory]
    [InlineData("/human", "human", "request_human")]
    [InlineData("/stop", "stop", "stop_contact")]
    [InlineData("/invoice", "invoice", "ask_invoice_details")]
    [InlineData("/HUMAN@dunning_test_bot", "human", "request_human")]
    public async Task Menu_commands_carry_the_intent_they_stand_for(string typed, string command, string intent)
    {
        Server.EnqueueMessage(Anna, typed);

        await UntilAsync(() => Bot.Received.Count == 1);

        var received = Bot.Received.Single();
        Assert.Equal("/" + command, received.Text);
        Assert.Equal(command, received.Value!.Value.GetProperty("command").GetString());
        Assert.Equal(intent, received.Value!.Value.GetProperty("intent").GetString());
    }

    [Fact]
    public async Task Help_and_start_carry_no_intent_and_a_command_for_another_bot_is_plain_text()
    {
        Server.EnqueueMessage(Anna, "/help");
        Server.EnqueueMessage(Anna, "/start");
        Server.EnqueueMessage(Anna, "/help@other_bot");

        await UntilAsync(() => Bot.Received.Count == 3);

        Assert.Equal(["/help", "/start", "/help@other_bot"], Bot.Texts);
        Assert.False(Bot.Received[0].Value!.Value.TryGetProperty("intent", out _));
        Assert.False(Bot.Received[1].Value!.Value.TryGetProperty("intent", out _));
        Assert.Null(Bot.Received[2].Value);
    }

    [Fact]
    public async Task Messages_of_one_chat_reach_the_bot_in_order()
    {
        for (var i = 1; i <= 5; i++)
            Server.EnqueueMessage(Anna, $"Nachricht {i}");

        await UntilAsync(() => Bot.Received.Count == 5);

        Assert.Equal([.. Enumerable.Range(1, 5).Select(i => $"Nachricht {i}")], Bot.Texts);
    }

    [Fact]
    public async Task A_non_text_update_is_logged_and_ignored_and_later_messages_still_flow()
    {
        Server.EnqueueRaw("message", new System.Text.Json.Nodes.JsonObject
        {
            ["message_id"] = 99,
            ["date"] = 1_741_944_600,
            ["chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = Anna.Id, ["type"] = "private", ["first_name"] = "Anna" },
            ["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = Anna.Id, ["is_bot"] = false, ["first_name"] = "Anna" },
            ["sticker"] = new System.Text.Json.Nodes.JsonObject { ["file_id"] = "x", ["file_unique_id"] = "y", ["width"] = 1, ["height"] = 1, ["is_animated"] = false, ["is_video"] = false, ["type"] = "regular" },
        });
        Server.EnqueueMessage(Anna, "Hallo");

        await UntilAsync(() => Bot.Received.Count == 1);

        Assert.Equal(["Hallo"], Bot.Texts);
        Assert.Contains(Host.Logs.Lines, l => l.Contains("Ignored Telegram update", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Polling_mode_removes_any_webhook_and_maps_no_webhook_endpoint()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Host.BaseUrl, "telegram/webhook"), new StringContent("{}"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(Server.Calls, c => c.Method == "deleteWebhook" && c.StatusCode == 200);
        Assert.Null(Server.WebhookUrl);
    }
}
