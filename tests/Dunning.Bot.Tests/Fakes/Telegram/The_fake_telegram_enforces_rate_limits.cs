using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Dunning.Bot.Tests.Fakes.Telegram;

public sealed class The_fake_telegram_enforces_rate_limits : FakeTelegramTestBase
{
    private static readonly FakeUser[] Debtors = [.. Enumerable.Range(1, 40).Select(i => new FakeUser(1000 + i, $"Debtor {i}"))];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var debtor in Debtors) Server.RegisterPrivateChat(debtor);
    }

    [Fact]
    public async Task A_second_message_to_the_same_chat_within_a_second_gets_429_retry_after_1()
    {
        await Bot.SendMessage(Debtors[0].Id, "eins", cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromMilliseconds(400));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Debtors[0].Id, "zwei", cancellationToken: Ct));
        Clock.Advance(TimeSpan.FromMilliseconds(600));
        await Bot.SendMessage(Debtors[0].Id, "zwei", cancellationToken: Ct);

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(1, error.Parameters!.RetryAfter);
        Assert.Equal(["eins", "zwei"], Server.SentMessages.Select(m => m.Text));
    }

    [Fact]
    public async Task Thirty_messages_a_second_pass_and_the_thirty_first_gets_429()
    {
        for (var i = 0; i < 30; i++) await Bot.SendMessage(Debtors[i].Id, "Erinnerung", cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Debtors[30].Id, "Erinnerung", cancellationToken: Ct));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Bot.SendMessage(Debtors[30].Id, "Erinnerung", cancellationToken: Ct);

        Assert.Equal(429, error.ErrorCode);
        Assert.True(error.Parameters!.RetryAfter >= 1);
        Assert.Equal(31, Server.SentMessages.Count);
    }

    [Fact]
    public async Task A_group_takes_twenty_messages_a_minute()
    {
        Server.EnqueueGroupMessage(Debtors[0], -42, "Team", "Hallo");
        for (var i = 0; i < 20; i++)
        {
            await Bot.SendMessage(-42, $"m{i}", cancellationToken: Ct);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(-42, "zu viel", cancellationToken: Ct));

        Assert.Equal(429, error.ErrorCode);
        Assert.InRange(error.Parameters!.RetryAfter!.Value, 39, 41);
    }

    [Fact]
    public async Task Rejected_attempts_do_not_extend_the_wait()
    {
        await Bot.SendMessage(Debtors[0].Id, "eins", cancellationToken: Ct);
        for (var i = 0; i < 5; i++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(150));
            await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Debtors[0].Id, "noch mal", cancellationToken: Ct));
        }
        Clock.Advance(TimeSpan.FromMilliseconds(250));

        await Bot.SendMessage(Debtors[0].Id, "zwei", cancellationToken: Ct);

        Assert.Equal(2, Server.SentMessages.Count);
    }

    [Fact]
    public async Task Limits_can_be_switched_off()
    {
        await using var lenient = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { TimeProvider = Clock, EnforceRateLimits = false }, Ct);
        lenient.RegisterPrivateChat(Debtors[0]);
        var client = new TelegramBotClient(new TelegramBotClientOptions(lenient.Token, lenient.BaseUrl.ToString()) { RetryThreshold = 0 });

        for (var i = 0; i < 5; i++) await client.SendMessage(Debtors[0].Id, "x", cancellationToken: Ct);

        Assert.Equal(5, lenient.SentMessages.Count);
    }
}
