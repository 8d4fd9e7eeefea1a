using System.Collections.Concurrent;
using System.Diagnostics;
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
    private readonly ConcurrentQueue<PollSpan> polls = new();
    private readonly ConcurrentQueue<string> conflicts = new();
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
            s.AddHttpClient(TelegramClients.PollingHttpClientName).AddHttpMessageHandler(() => new CountingHandler(this));
            s.AddHttpClient(TelegramClients.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(this));
        });
        _ = Host.BaseAddress; // started
    }

    public BotHost Host { get; }

    /// <summary>getUpdates requests this host sent so far.</summary>
    public int Polls => Calls("getUpdates");

    /// <summary>
    /// This host's getUpdates requests as the host saw them: sent and ended (answered, failed or given up) in
    /// <see cref="Stopwatch"/> ticks; <see cref="PollSpan.Ended"/> is null while one is still waiting.
    /// </summary>
    public IReadOnlyList<PollSpan> PollSpans => [.. polls];

    /// <summary>Bot API answers with 409 Conflict this host received (the method of each).</summary>
    public IReadOnlyList<string> Conflicts => [.. conflicts];

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

    internal sealed class PollSpan(long sent)
    {
        public long Sent { get; } = sent;
        public long? Ended { get; set; }
    }

    private sealed class CountingHandler(TelegramHostOnPostgres host) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var method = request.RequestUri?.Segments[^1] ?? "";
            host.calls.AddOrUpdate(method, 1, (_, n) => n + 1);
            PollSpan? poll = null;
            if (method == "getUpdates")
                host.polls.Enqueue(poll = new PollSpan(Stopwatch.GetTimestamp()));
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode == 409)
                    host.conflicts.Enqueue(method);
                return response;
            }
            finally
            {
                poll?.Ended = Stopwatch.GetTimestamp();
            }
        }
    }
}
