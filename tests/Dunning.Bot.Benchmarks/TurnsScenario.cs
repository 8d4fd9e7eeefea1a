using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// <c>turns [--debtors 200] [--turns 6] [--concurrency 8]</c>: the web chat host on Kestrel at 127.0.0.1 with a
/// LiteDB file; each debtor starts a Direct Line conversation, joins, then sends <c>turns</c> messages. A turn is
/// timed from posting the message until a poll returns the bot's reply. The bot is a stand-in (the dunning bot is
/// not on main yet) that reads and writes its conversation state in LiteDB on every turn, committed before the
/// reply is sent.
/// </summary>
internal sealed class TurnsScenario : IScenario
{
    public string Name => "turns";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var debtors = args.Int("debtors", 200);
        var turns = args.Int("turns", 6);
        var concurrency = args.Int("concurrency", 8);
        var folder = Directory.CreateTempSubdirectory("dunning-turns-");
        try
        {
            await using var app = await StartHostAsync(Path.Combine(folder.FullName, "dunning.db"), cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = new Uri(address) };

            await RunDebtorsAsync(http, Math.Min(20, debtors), 2, concurrency, cancellationToken); // warm-up
            var latencies = new ConcurrentBag<double>();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var wall = Stopwatch.StartNew();
            await RunDebtorsAsync(http, debtors, turns, concurrency, cancellationToken, latencies);
            wall.Stop();
            var cpu = Environment.CpuUsage.TotalTime - cpuBefore;

            var state = app.Services.GetRequiredService<LiteDbContext>().Database.GetCollection(StateBot.Collection);
            var stored = state.Query().Where("$.Turns >= " + turns).Count();
            var sorted = latencies.Order().ToList();
            Report.Line(Name, new
            {
                debtors,
                turns_per_debtor = turns,
                concurrency,
                turns = sorted.Count,
                seconds = Math.Round(wall.Elapsed.TotalSeconds, 2),
                turns_per_sec = Math.Round(sorted.Count / wall.Elapsed.TotalSeconds),
                p50_ms = Math.Round(Report.Percentile(sorted, 0.50), 2),
                p95_ms = Math.Round(Report.Percentile(sorted, 0.95), 2),
                p99_ms = Math.Round(Report.Percentile(sorted, 0.99), 2),
                max_ms = Math.Round(sorted.LastOrDefault(), 2),
                // CPU of this process (host and client together) per turn: the rate on a machine shared with other work.
                turns_per_cpu_sec = Math.Round(sorted.Count / cpu.TotalSeconds),
                cpu_ms_per_turn = Math.Round(cpu.TotalMilliseconds / sorted.Count, 3),
                conversations_with_state_in_litedb = stored,
                bot = "stand-in echo bot with LiteDB state",
                peak_memory_mb = Report.PeakMemoryMb(),
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<WebApplication> StartHostAsync(string databasePath, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = databasePath,
            ["WebChat:PerIp:PermitLimit"] = "0",
            ["WebChat:StartsPerIp:PermitLimit"] = "0",
            ["WebChat:PerConversation:PermitLimit"] = "0",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.AddDunningHost();
        builder.Logging.ClearProviders();
        builder.Services.AddDunningStorage(builder.Configuration);
        builder.AddWebChat();
        builder.Services.AddSingleton<IBot, StateBot>();
        var app = builder.Build();
        app.MapWebChat();
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static Task RunDebtorsAsync(HttpClient http, int debtors, int turns, int concurrency, CancellationToken ct, ConcurrentBag<double>? latencies = null) =>
        Parallel.ForAsync(0, debtors, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (n, token) =>
        {
            using var start = await http.PostAsync("/v3/directline/conversations", null, token);
            var conversation = await start.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(token);
            var id = conversation.GetProperty("conversationId").GetString()!;
            var auth = new AuthenticationHeaderValue("Bearer", conversation.GetProperty("token").GetString());
            var watermark = await TurnAsync(http, id, auth, """{"type":"event","name":"webchat/join","value":{"locale":"de-DE"}}""", null, token);
            for (var t = 0; t < turns; t++)
            {
                var begin = Stopwatch.GetTimestamp();
                watermark = await TurnAsync(http, id, auth, $$$"""{"type":"message","text":"Nachricht {{{t}}}","channelData":{"clientActivityID":"b{{{n}}}-{{{t}}}"}}""", watermark, token);
                latencies?.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
        });

    /// <summary>Posts one activity, then polls until the bot's reply to it is there; returns the new watermark.</summary>
    private static async Task<string?> TurnAsync(HttpClient http, string conversation, AuthenticationHeaderValue auth, string body, string? watermark, CancellationToken ct)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = auth;
        using var posted = await http.SendAsync(post, ct);
        var sent = (await posted.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities" + (watermark is null ? "" : "?watermark=" + watermark));
        poll.Headers.Authorization = auth;
        using var polled = await http.SendAsync(poll, ct);
        var set = await polled.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!set.GetProperty("activities").EnumerateArray().Any(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == sent))
            throw new InvalidOperationException($"The reply to {sent} was not retrievable when the POST returned.");
        return set.GetProperty("watermark").GetString();
    }

    /// <summary>Reads its per-conversation state from LiteDB, counts the turn, writes it back (committed), replies.</summary>
    private sealed class StateBot(LiteDbContext context) : IBot
    {
        public const string Collection = "bench_turn_state";

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var states = context.Database.GetCollection(Collection);
            var key = turnContext.Activity.Conversation!.Id!;
            var state = states.FindById(key) ?? new BsonDocument { ["_id"] = key, ["Turns"] = 0 };
            if (turnContext.Activity.Type == ActivityTypes.Message)
                state["Turns"] = state["Turns"].AsInt32 + 1;
            state["LastText"] = turnContext.Activity.Text ?? turnContext.Activity.Name ?? "";
            states.Upsert(state);
            await turnContext.SendActivityAsync(turnContext.Activity.CreateReply("Antwort auf " + state["LastText"].AsString), cancellationToken);
        }
    }
}
