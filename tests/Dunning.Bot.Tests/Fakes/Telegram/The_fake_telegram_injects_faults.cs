using System.Net;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Dunning.Bot.Tests.Fakes.Telegram;

public sealed class The_fake_telegram_injects_faults : FakeTelegramTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Server.RegisterPrivateChat(Anna);
    }

    [Fact]
    public async Task An_injected_429_surfaces_with_RetryAfter_when_the_client_does_not_retry()
    {
        Server.InjectFaults(new FakeFault(FakeFaultKind.TooManyRequests, "sendMessage", RetryAfterSeconds: 7));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Anna.Id, "Erinnerung", cancellationToken: Ct));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal("Too Many Requests: retry after 7", error.Message);
        Assert.Equal(7, error.Parameters!.RetryAfter);
        Assert.Empty(Server.SentMessages);
        Assert.Equal([429], Server.Calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task The_default_client_silently_waits_and_resends_after_a_429()
    {
        // Telegram.Bot 22 defaults: RetryThreshold = 60 s, RetryCount = 3 attempts in total.
        var defaultClient = new TelegramBotClient(new TelegramBotClientOptions(Server.Token, Server.BaseUrl.ToString()));
        Server.InjectFaults(new FakeFault(FakeFaultKind.TooManyRequests, "sendMessage", RetryAfterSeconds: 1));

        await defaultClient.SendMessage(Anna.Id, "Erinnerung", cancellationToken: Ct);

        Assert.Equal([429, 200], Server.Calls.Select(c => c.StatusCode));
        Assert.Single(Server.SentMessages);
    }

    [Fact]
    public async Task The_default_client_gives_up_after_three_attempts()
    {
        var defaultClient = new TelegramBotClient(new TelegramBotClientOptions(Server.Token, Server.BaseUrl.ToString()));
        Server.InjectFaults(new FakeFault(FakeFaultKind.TooManyRequests, RetryAfterSeconds: 1), count: 3);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => defaultClient.GetMe(Ct));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal([429, 429, 429], Server.Calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Faults_apply_only_to_the_named_method_and_are_consumed_in_order()
    {
        Server.InjectFaults(new FakeFault(FakeFaultKind.InternalServerError, "sendMessage"), count: 2);

        await Bot.GetMe(Ct);
        var first = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Anna.Id, "a", cancellationToken: Ct));
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Anna.Id, "a", cancellationToken: Ct));
        await Bot.SendMessage(Anna.Id, "a", cancellationToken: Ct);

        Assert.Equal(500, first.ErrorCode);
        Assert.Equal([200, 500, 500, 200], Server.Calls.Select(c => c.StatusCode));
        Assert.Equal(0, Server.PendingFaultCount);
    }

    [Fact]
    public async Task A_502_from_the_front_proxy_is_not_json_and_surfaces_as_a_RequestException()
    {
        Server.InjectFaults(new FakeFault(FakeFaultKind.BadGateway));

        var error = await Assert.ThrowsAsync<RequestException>(() => Bot.SendMessage(Anna.Id, "a", cancellationToken: Ct));

        Assert.IsNotType<ApiRequestException>(error);
        Assert.Equal(HttpStatusCode.BadGateway, error.HttpStatusCode);
        Assert.Empty(Server.SentMessages);
    }

    [Fact]
    public async Task A_hanging_call_is_abandoned_by_the_client_timeout_and_sends_nothing()
    {
        var impatient = CreateClient(retryThreshold: 0, timeout: TimeSpan.FromMilliseconds(500));
        Server.InjectFaults(new FakeFault(FakeFaultKind.Hang, "sendMessage"));

        var error = await Assert.ThrowsAsync<RequestException>(() => impatient.SendMessage(Anna.Id, "a", cancellationToken: Ct));

        Assert.Contains("timed out", error.Message);
        await Server.WaitUntilAsync(s => s.Calls.Count == 1, TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(0, Server.Calls.Single().StatusCode);
        Assert.Empty(Server.SentMessages);
    }

    [Fact]
    public async Task A_call_can_succeed_on_the_server_while_the_client_sees_a_timeout()
    {
        var impatient = CreateClient(retryThreshold: 0, timeout: TimeSpan.FromMilliseconds(500));
        Server.InjectFaults(new FakeFault(FakeFaultKind.HangAfterProcessing, "sendMessage"));

        await Assert.ThrowsAsync<RequestException>(() => impatient.SendMessage(Anna.Id, "Erinnerung", cancellationToken: Ct));

        Assert.Equal("Erinnerung", Assert.Single(Server.SentMessages).Text);
    }
}
