using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Dunning.Bot.Tests.Fakes.Telegram;

public sealed class The_fake_telegram_keeps_a_webhook : FakeTelegramTestBase
{
    [Fact]
    public async Task SetWebhook_is_reported_by_getWebhookInfo_and_removed_by_deleteWebhook()
    {
        await Bot.SetWebhook("https://bot.example.org/tg", maxConnections: 10, allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], secretToken: "Ab_9-x", cancellationToken: Ct);
        Server.EnqueueMessage(Anna, "Hallo");

        var info = await Bot.GetWebhookInfo(Ct);
        var secret = Server.WebhookSecret;
        await Bot.DeleteWebhook(cancellationToken: Ct);
        var after = await Bot.GetWebhookInfo(Ct);

        Assert.Equal("https://bot.example.org/tg", info.Url);
        Assert.Equal(1, info.PendingUpdateCount);
        Assert.Equal(10, info.MaxConnections);
        Assert.Equal([UpdateType.Message, UpdateType.CallbackQuery], info.AllowedUpdates!.Order());
        Assert.Equal("Ab_9-x", secret);
        Assert.Equal("", after.Url);
        Assert.Null(Server.WebhookSecret);
    }

    [Theory]
    [InlineData("http://bot.example.org/tg", null)]
    [InlineData("not a url", null)]
    [InlineData("https://bot.example.org/tg", "has spaces")]
    [InlineData("https://bot.example.org/tg", "ümlaut")]
    public async Task Bad_webhook_urls_and_secrets_are_refused(string url, string? secret)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SetWebhook(url, secretToken: secret, cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.Null(Server.WebhookUrl);
    }

    [Fact]
    public async Task A_secret_longer_than_256_characters_is_refused()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SetWebhook("https://bot.example.org/tg", secretToken: new string('a', 257), cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
    }

    [Fact]
    public async Task Updates_are_posted_with_the_secret_header_and_a_2xx_confirms_them()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await Bot.SetWebhook(receiver.Url.ToString(), secretToken: "s3cr3t_Token", cancellationToken: Ct);
        var first = Server.EnqueueStart(Anna, "inv_abc");
        var second = Server.EnqueueMessage(Anna, "Hallo");

        var deliveries = await Server.DeliverPendingUpdatesAsync(Ct);

        Assert.Equal([new WebhookDelivery(first.UpdateId, 200, null), new WebhookDelivery(second.UpdateId, 200, null)], deliveries);
        Assert.All(receiver.Requests, r => Assert.Equal("s3cr3t_Token", r.SecretHeader));
        Assert.All(receiver.Requests, r => Assert.StartsWith("application/json", r.ContentType));
        var body = JsonNode.Parse(receiver.Requests.First().Body)!;
        Assert.Equal(first.UpdateId, (int)body["update_id"]!);
        Assert.Equal("/start inv_abc", (string)body["message"]!["text"]!);
        Assert.Equal(0, Server.PendingUpdateCount);
    }

    [Fact]
    public async Task A_refusing_webhook_keeps_the_update_pending_and_reports_the_error()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        receiver.StatusCode = 401;
        await Bot.SetWebhook(receiver.Url.ToString(), secretToken: "abc", cancellationToken: Ct);
        var update = Server.EnqueueMessage(Anna, "Hallo");

        var delivery = await Server.DeliverNextUpdateAsync(Ct);
        var info = await Bot.GetWebhookInfo(Ct);

        Assert.Equal(new WebhookDelivery(update.UpdateId, 401, null), delivery);
        Assert.Equal([update.UpdateId], Server.PendingUpdateIds);
        Assert.Equal(1, info.PendingUpdateCount);
        Assert.Contains("401", info.LastErrorMessage);
        Assert.NotNull(info.LastErrorDate);
    }

    [Fact]
    public async Task An_unreachable_webhook_is_reported_without_a_status()
    {
        Uri gone;
        await using (var receiver = await WebhookReceiver.StartAsync(Ct)) gone = receiver.Url;
        await Bot.SetWebhook(gone.ToString(), cancellationToken: Ct);
        Server.EnqueueMessage(Anna, "Hallo");

        var delivery = await Server.DeliverNextUpdateAsync(Ct);

        Assert.Null(delivery!.StatusCode);
        Assert.NotNull(delivery.Error);
        Assert.Equal(1, Server.PendingUpdateCount);
    }

    [Fact]
    public async Task A_method_in_the_webhook_reply_is_executed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        receiver.ReplyJson = $$"""{"method":"sendMessage","chat_id":{{Anna.Id}},"text":"Willkommen!"}""";
        await Bot.SetWebhook(receiver.Url.ToString(), cancellationToken: Ct);
        Server.EnqueueStart(Anna);

        await Server.DeliverNextUpdateAsync(Ct);

        Assert.Equal("Willkommen!", Assert.Single(Server.SentMessages).Text);
    }

    [Fact]
    public async Task Nothing_is_delivered_without_a_webhook()
    {
        Server.EnqueueMessage(Anna, "Hallo");

        Assert.Null(await Server.DeliverNextUpdateAsync(Ct));
        Assert.Equal(1, Server.PendingUpdateCount);
    }
}
