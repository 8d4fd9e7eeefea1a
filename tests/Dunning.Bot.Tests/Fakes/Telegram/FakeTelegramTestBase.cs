using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>Starts a <see cref="FakeTelegramServer"/> per test and points a real <see cref="TelegramBotClient"/> at it.
/// The client's automatic 429 retry is switched off (RetryThreshold = 0) so every answer surfaces as it came.</summary>
public abstract class FakeTelegramTestBase : IAsyncLifetime
{
    protected static readonly FakeUser Anna = new(424242, "Anna", "Berger", "anna_b", "de");
    protected static readonly FakeUser Ben = new(515151, "Ben", LanguageCode: "en");

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

    protected FakeTelegramServer Server { get; private set; } = null!;

    protected TelegramBotClient Bot { get; private set; } = null!;

    protected HttpClient Http { get; } = new();

    // A ceiling per test, so a broken fake fails the test instead of hanging the run.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    protected CancellationToken Ct => _timeout.Token;

    protected virtual FakeTelegramOptions CreateOptions() => new() { TimeProvider = Clock };

    public virtual async Task InitializeAsync()
    {
        Server = await FakeTelegramServer.StartAsync(CreateOptions(), CancellationToken.None);
        Bot = CreateClient(retryThreshold: 0);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _timeout.Dispose();
    }

    protected TelegramBotClient CreateClient(int retryThreshold, TimeSpan? timeout = null)
    {
        var options = new TelegramBotClientOptions(Server.Token, Server.BaseUrl.ToString()) { RetryThreshold = retryThreshold };
        return new TelegramBotClient(options, new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) });
    }

    protected Uri MethodUrl(string method, string? token = null) => new(Server.BaseUrl, $"./bot{token ?? Server.Token}/{method}");
}
