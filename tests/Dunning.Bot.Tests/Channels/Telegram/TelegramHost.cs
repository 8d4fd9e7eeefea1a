using System.Net;
using System.Net.Sockets;
using Dunning.Bot.Hosting;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Conversations;
using Dunning.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Channels.Telegram;

/// <summary>
/// The Telegram channel as the host wires it (AddTelegram/MapTelegram over the LiteDB storage) on Kestrel at
/// 127.0.0.1, with a test <see cref="IBot"/>. Several hosts may run one after another on the same database file.
/// </summary>
public sealed class TelegramHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TelegramHost(WebApplication app, Uri baseUrl, LogCollector logs)
    {
        _app = app;
        BaseUrl = baseUrl;
        Logs = logs;
    }

    public Uri BaseUrl { get; }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TelegramHost> StartAsync(string databasePath, IBot bot, IDictionary<string, string?> telegram, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls(baseUrl.ToString());
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = databasePath,
            ["Telegram:PollingTimeout"] = "00:00:01",
        };
        foreach (var (key, value) in telegram)
            settings["Telegram:" + key] = value?.Replace("{host}", baseUrl.ToString().TrimEnd('/'), StringComparison.Ordinal);
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new LogCollector();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.AddDunningServices();
        builder.Services.AddSingleton(bot);
        builder.AddTelegram();
        var app = builder.Build();
        app.MapTelegram();
        await app.StartAsync(cancellationToken);
        return new TelegramHost(app, baseUrl, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Keeps every log line (formatted), for tests that check what was or was not logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
