using System.Net;
using System.Text;
using Dunning.Bot.Tests.Fakes.Telegram;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Webhook_checks_the_secret : TelegramChannelTestBase
{
    private const string Update = """{"update_id":700000001,"message":{"message_id":1,"date":1741944600,"chat":{"id":424242,"type":"private","first_name":"Anna"},"from":{"id":424242,"is_bot":false,"first_name":"Anna","language_code":"de"},"text":"Hallo"}}""";

    private readonly HttpClient _http = new();

    protected override Dictionary<string, string?> Settings() => new()
    {
        ["Mode"] = "webhook",
        ["WebhookUrl"] = "{host}/telegram/webhook",
        ["SecretToken"] = Secret,
    };

    private Task<HttpResponseMessage> PostAsync(string body, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.BaseUrl, "telegram/webhook"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return _http.SendAsync(request, Ct);
    }

    [Fact]
    public async Task At_start_the_webhook_is_set_with_the_secret()
    {
        Assert.Equal(new Uri(Host.BaseUrl, "telegram/webhook").ToString(), Server.WebhookUrl);
        Assert.Equal(Secret, Server.WebhookSecret);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("", HttpStatusCode.Unauthorized)]
    [InlineData("wrong", HttpStatusCode.Forbidden)]
    [InlineData(Secret + "x", HttpStatusCode.Forbidden)]
    [InlineData("s3cr3t_webhook-token", HttpStatusCode.Forbidden)]
    public async Task A_missing_or_wrong_secret_is_refused_and_nothing_is_processed(string? secret, HttpStatusCode expected)
    {
        using var refused = await PostAsync(Update, secret);
        using var accepted = await PostAsync(Update.Replace("700000001", "700000002").Replace("Hallo", "danach"), Secret);
        await UntilAsync(() => Bot.Received.Count == 1);

        Assert.Equal(expected, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(["danach"], Bot.Texts);
    }

    [Fact]
    public async Task The_same_update_posted_twice_is_handled_once()
    {
        using var first = await PostAsync(Update, Secret);
        using var second = await PostAsync(Update, Secret);
        using var next = await PostAsync(Update.Replace("700000001", "700000002").Replace("Hallo", "Zweite"), Secret);
        await UntilAsync(() => Bot.Received.Count == 2);
        await Task.Delay(500, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["Hallo", "Zweite"], Bot.Texts);
    }

    [Fact]
    public async Task A_redelivery_after_a_restart_is_still_recognised()
    {
        using (await PostAsync(Update, Secret))
            await UntilAsync(() => Bot.Received.Count == 1);
        await StopHostAsync();
        await StartHostAsync();

        using var again = await PostAsync(Update, Secret);
        using var next = await PostAsync(Update.Replace("700000001", "700000002").Replace("Hallo", "Neu"), Secret);
        await UntilAsync(() => Bot.Received.Count == 2);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["Hallo", "Neu"], Bot.Texts);
    }

    [Fact]
    public async Task An_oversized_chunked_body_without_a_length_gets_413()
    {
        var huge = Encoding.UTF8.GetBytes(Update.Replace("Hallo", new string('x', 1_100_000)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.BaseUrl, "telegram/webhook"))
        {
            Content = new StreamContent(new UnseekableStream(huge)),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        request.Headers.TransferEncodingChunked = true;

        using var response = await _http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Bot.Texts);
    }

    /// <summary>A body whose length the client cannot know, so it is sent chunked.</summary>
    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"message":{}}""")]
    [InlineData("""{"update_id":"abc"}""")]
    public async Task A_body_that_is_no_update_gets_400(string body)
    {
        using var response = await PostAsync(body, Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_gets_413_and_is_not_stored()
    {
        var huge = Update.Replace("Hallo", new string('x', 1_100_000));

        using var response = await PostAsync(huge, Secret);
        using var next = await PostAsync(Update.Replace("700000001", "700000002").Replace("Hallo", "klein"), Secret);
        await UntilAsync(() => Bot.Received.Count == 1);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["klein"], Bot.Texts);
    }

    [Fact]
    public async Task Updates_delivered_by_Telegram_are_processed_once_and_answered()
    {
        Server.EnqueueMessage(Anna, "Wann ist die Rechnung fällig?");
        Server.EnqueueStart(Ben, "token_123");

        var deliveries = await Server.DeliverPendingUpdatesAsync(Ct);
        await UntilAsync(() => Server.SentMessages.Count == 2);

        Assert.All(deliveries, d => Assert.Equal(200, d.StatusCode));
        Assert.Equal(["Wann ist die Rechnung fällig?", "/start token_123"], Bot.Texts);
        Assert.Equal(0, Server.PendingUpdateCount);
    }
}
