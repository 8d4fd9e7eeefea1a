using System.Collections.Concurrent;
using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>
/// One of several real hosts (<see cref="BotHost"/>) on one PostgreSQL database, its Telegram channel polling a shared
/// <see cref="FakeTelegramServer"/>; counts the Bot API calls this host made, so a test sees which host polls or answers.
/// </summary>
internal sealed class TelegramHostOnPostgres : IAsyncDisposable
{
    /// <summary>How often a standby host asks to lead (Coordination:LeadershipRetryInterval).</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.OrdinalIgnoreCase);
    private bool stopped;

    public TelegramHostOnPostgres(string connection, FakeTelegramServer server, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = connection,
            ["Scheduling:Enabled"] = "false",
            ["Telegram:Token"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["Telegram:PollingTimeout"] = "00:00:01",
            ["Coordination:LeadershipRetryInterval"] = RetryInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        Host = new BotHost(settings, services: s =>
        {
            s.AddHttpClient(TelegramClients.PollingHttpClientName).AddHttpMessageHandler(() => new CountingHandler(calls));
            s.AddHttpClient(TelegramClients.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(calls));
        });
        _ = Host.BaseAddress; // started
    }

    public BotHost Host { get; }

    /// <summary>getUpdates requests this host sent so far.</summary>
    public int Polls => Calls("getUpdates");

    /// <summary>Requests of a Bot API method this host sent so far.</summary>
    public int Calls(string method) => calls.GetValueOrDefault(method);

    public IProactiveChannel Telegram => Host.Services.GetServices<IProactiveChannel>().Single(c => c.ChannelId == "telegram");

    /// <summary>Stops the host as a shutdown does (hosted services stopped, leadership given up).</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopped)
            return;
        stopped = true;
        await Host.DisposeAsync();
    }

    private sealed class CountingHandler(ConcurrentDictionary<string, int> calls) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri)
                calls.AddOrUpdate(uri.Segments[^1], 1, (_, n) => n + 1);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
