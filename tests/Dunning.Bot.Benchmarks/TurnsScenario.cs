using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Storage.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// <c>turns [--debtors 200] [--turns 6] [--concurrency 8] [--client-process] [--alloc-types N]</c>: the real host (DunningBot, MainDialog, the invoice
/// dialogs, transcripts) with the web chat on Kestrel at 127.0.0.1 and a LiteDB file seeded with demo-like debtors.
/// Each debtor starts a Direct Line conversation, binds it with <c>webchat/join</c> and its link token, then sends
/// <c>turns</c> messages from <see cref="Script"/> (greeting, balance, due date, payment details with the GiroCode PNG,
/// thanks, help; repeated when longer). A turn is timed from posting the message until a poll returns the bot's reply.
/// With <c>--client-process</c> the client runs in a child process, so the host's CPU per turn is measured alone.
/// With <c>--storage postgresql --hosts 2</c> two hosts (two web applications with their own services in this process)
/// share the database and each debtor's turns alternate between them: turn t of debtor n goes to host (n + t) mod 2.
/// </summary>
internal sealed partial class TurnsScenario : IScenario
{
    /// <summary>The messages in order: (kind, text). The payment-details turn renders a GiroCode PNG.</summary>
    private static readonly (string Kind, string Text)[] Script =
    [
        ("greeting", "Guten Tag"),
        ("balance", "Wie viel muss ich noch zahlen?"),
        ("due_date", "Bis wann muss ich zahlen?"),
        ("payment_details", "Wie lautet Ihre Bankverbindung?"),
        ("thanks", "Vielen Dank"),
        ("help", "Hilfe"),
    ];

    private const string PaymentDetails = "payment_details";

    public string Name => "turns";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        if (args.String("client-of", "") is { Length: > 0 } host)
        {
            await RunClientAsync(host, args, cancellationToken);
            return;
        }
        var debtors = args.Int("debtors", 200);
        var turns = args.Int("turns", 6);
        var concurrency = args.Int("concurrency", 8);
        var clientProcess = args.String("client-process", "false") != "false";
        var hostCount = args.Int("hosts", 1);
        if (hostCount is < 1 or > 4 || (hostCount > 1 && (!BenchmarkStorage.IsPostgreSql(args) || clientProcess)))
            throw new ArgumentException("--hosts 2..4 needs --storage postgresql and runs the client in this process (no --client-process).");
        var warmup = Math.Min(20, debtors);
        // The child process warms its own client with debtors of its own.
        var warmupDebtors = clientProcess ? 2 * warmup : warmup;
        var folder = Directory.CreateTempSubdirectory("dunning-turns-");
        try
        {
            await using var app = await StartHostAsync(args, Path.Combine(folder.FullName, "dunning.db"), cancellationToken);
            var tokens = await SeedAsync(app.Services, warmupDebtors + debtors, cancellationToken);
            var address = Address(app);
            await using var moreHosts = new HostList();
            for (var h = 1; h < hostCount; h++)
                moreHosts.Add(await StartHostAsync(args, Path.Combine(folder.FullName, "dunning.db"), cancellationToken));
            HttpClient[] http = [Client(address, concurrency), .. moreHosts.Select(o => Client(Address(o), concurrency))];

            await RunDebtorsAsync(http, tokens[..warmup], Script.Length, concurrency, null, cancellationToken);
            using var sampler = args.Int("alloc-types", 0) > 0 ? new AllocationSampler() : null;
            sampler?.Start();
            var gcBefore = GC.CollectionCount(0);
            var runtimeBefore = RuntimeCounters.Now();
            var measured = clientProcess
                ? await RunInChildAsync(address, tokens[warmup..], warmup, turns, concurrency, cancellationToken)
                : await RunHereAsync(http, tokens[warmup..], turns, concurrency, cancellationToken);
            var (latencies, wall, cpu) = (measured.Latencies, measured.Wall, measured.Cpu);
            var runtime = RuntimeCounters.Now() - runtimeBefore;
            sampler?.Stop();
            sampler?.Print(args.Int("alloc-types", 0), Console.Error);

            var all = latencies.Select(l => l.Ms).Order().ToList();
            var giro = latencies.Where(l => l.Kind == PaymentDetails).Select(l => l.Ms).Order().ToList();
            var others = latencies.Where(l => l.Kind != PaymentDetails).Select(l => l.Ms).Order().ToList();
            Report.Line(Name, new
            {
                debtors,
                turns_per_debtor = turns,
                concurrency,
                turns = all.Count,
                seconds = Math.Round(wall.TotalSeconds, 2),
                turns_per_sec = Math.Round(all.Count / wall.TotalSeconds),
                p50_ms = Math.Round(Report.Percentile(all, 0.50), 2),
                p95_ms = Math.Round(Report.Percentile(all, 0.95), 2),
                p99_ms = Math.Round(Report.Percentile(all, 0.99), 2),
                max_ms = Math.Round(all.LastOrDefault(), 2),
                girocode_turns = giro.Count,
                girocode_p50_ms = Math.Round(Report.Percentile(giro, 0.50), 2),
                girocode_p99_ms = Math.Round(Report.Percentile(giro, 0.99), 2),
                other_p50_ms = Math.Round(Report.Percentile(others, 0.50), 2),
                other_p99_ms = Math.Round(Report.Percentile(others, 0.99), 2),
                // CPU of host and client together per turn: the rate on a machine shared with other work.
                turns_per_cpu_sec = Math.Round(all.Count / cpu.TotalSeconds),
                cpu_ms_per_turn = Math.Round(cpu.TotalMilliseconds / all.Count, 3),
                // With --client-process: the host's share alone (the counters below are then the host's too).
                server_cpu_ms_per_turn = measured.ServerCpu is { } server ? Math.Round(server.TotalMilliseconds / all.Count, 3) : (double?)null,
                gen0_collections = GC.CollectionCount(0) - gcBefore,
                // Of that CPU: the JIT compiling (tiering up during the run), GC pauses, and how often a lock was contended.
                jit_ms_per_turn = Math.Round(runtime.Jit.TotalMilliseconds / all.Count, 3),
                jit_methods = runtime.JitMethods,
                gc_pause_ms = Math.Round(runtime.GcPause.TotalMilliseconds, 1),
                lock_contentions = runtime.LockContentions,
                allocated_kb_per_turn = Math.Round(runtime.AllocatedBytes / 1024.0 / all.Count, 1),
                storage = BenchmarkStorage.Name(args),
                hosts = hostCount,
                stored = BenchmarkStorage.IsPostgreSql(args) ? null : Stored(app.Services, (warmupDebtors * (Script.Length + 1) + debtors * (turns + 1)) * 2),
                peak_memory_mb = Report.PeakMemoryMb(),
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    /// <summary>The second and further hosts of a <c>--hosts</c> run, stopped together.</summary>
    private sealed class HostList : List<WebApplication>, IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var app in this)
                await app.DisposeAsync();
        }
    }

    /// <summary>The measured debtors driven from this process: host and client CPU together.</summary>
    private static async Task<Measured> RunHereAsync(HttpClient[] http, string[] linkTokens, int turns, int concurrency, CancellationToken ct)
    {
        var latencies = new ConcurrentBag<(string Kind, double Ms)>();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.StartNew();
        await RunDebtorsAsync(http, linkTokens, turns, concurrency, latencies, ct);
        wall.Stop();
        return new Measured(latencies, wall.Elapsed, Environment.CpuUsage.TotalTime - cpuBefore, null);
    }

    private static HttpClient Client(string address, int concurrency) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = new Uri(address) };

    private static async Task<WebApplication> StartHostAsync(BenchmarkArgs args, string databasePath, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(BenchmarkStorage.Apply(args, new Dictionary<string, string?>
        {
            ["Storage:Path"] = databasePath,
            ["WebChat:PerIp:PermitLimit"] = "0",
            ["WebChat:StartsPerIp:PermitLimit"] = "0",
            ["WebChat:PerConversation:PermitLimit"] = "0",
            ["Payee:AccountHolder"] = "Demo Studio GmbH",
            ["Payee:Iban"] = "DE89370400440532013000",
            ["Payee:Bic"] = "COBADEFFXXX",
            ["Payee:BankName"] = "Commerzbank",
        }));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDunningServices();
        builder.AddDunningHost();
        builder.Logging.ClearProviders();
        builder.AddDunningConversations();
        builder.AddWebChat();
        builder.AddPostgreSqlStorageWhenChosen();
        var app = builder.Build();
        app.MapWebChat();
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>Demo-like debtors (German consumers and businesses), one or two overdue euro invoices each; returns their link tokens.</summary>
    private static async Task<string[]> SeedAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var debtors = new List<Debtor>(count);
        var invoices = new List<Invoice>();
        var cases = new List<DunningCase>();
        for (var n = 0; n < count; n++)
        {
            var debtor = new Debtor
            {
                Id = $"D-{n:D5}", Name = $"Kundin {n}", Kind = n % 3 == 0 ? DebtorKind.Business : DebtorKind.Consumer,
                Language = "de", TimeZone = "Europe/Berlin", Country = "DE",
                AccessCode = DebtorSecrets.NewAccessCode(), LinkToken = DebtorSecrets.NewLinkToken(),
            };
            debtors.Add(debtor);
            cases.Add(new DunningCase { DebtorId = debtor.Id });
            invoices.Add(Invoice.Create($"RE-{n:D5}-1", debtor.Id, today.AddDays(-40), today.AddDays(-10), "EUR", null,
                [new InvoiceLine("Wartung Heizungsanlage", 1, 680m, 19m), new InvoiceLine("Anfahrt", 1, 45m, 19m)]));
            if (n % 4 == 0)
                invoices.Add(Invoice.Create($"RE-{n:D5}-2", debtor.Id, today.AddDays(-20), today.AddDays(5), "EUR", null,
                    [new InvoiceLine("Fotoshooting", 1, 240m, 19m)]));
        }
        await services.GetRequiredService<IInvoiceStore>().SaveBatchAsync(debtors, invoices, cases, cancellationToken);
        return [.. debtors.Select(d => d.LinkToken)];
    }

    private static Task RunDebtorsAsync(HttpClient[] hosts, string[] linkTokens, int turns, int concurrency,
        ConcurrentBag<(string Kind, double Ms)>? latencies, CancellationToken ct) =>
        Parallel.ForAsync(0, linkTokens.Length, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (n, token) =>
        {
            var http = hosts[n % hosts.Length];
            using var start = await http.PostAsync("/v3/directline/conversations", null, token);
            var conversation = await start.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(token);
            var id = conversation.GetProperty("conversationId").GetString()!;
            var auth = new AuthenticationHeaderValue("Bearer", conversation.GetProperty("token").GetString());
            var join = JsonSerializer.Serialize(new { type = "event", name = "webchat/join", value = new { linkToken = linkTokens[n], locale = "de-DE" } });
            var (watermark, _) = await TurnAsync(http, id, auth, join, null, token);
            for (var t = 0; t < turns; t++)
            {
                var (kind, text) = Script[t % Script.Length];
                var body = JsonSerializer.Serialize(new { type = "message", text, channelData = new { clientActivityID = $"b{n}-{t}" } });
                var begin = Stopwatch.GetTimestamp();
                (watermark, var reply) = await TurnAsync(hosts[(n + t) % hosts.Length], id, auth, body, watermark, token);
                latencies?.Add((kind, Stopwatch.GetElapsedTime(begin).TotalMilliseconds));
                Check(kind, reply);
            }
        });

    /// <summary>Posts one activity, then polls until the bot's reply to it is there; returns the new watermark and the reply.</summary>
    private static async Task<(string? Watermark, JsonElement Reply)> TurnAsync(HttpClient http, string conversation, AuthenticationHeaderValue auth,
        string body, string? watermark, CancellationToken ct)
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
        var reply = set.GetProperty("activities").EnumerateArray()
            .FirstOrDefault(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == sent);
        if (reply.ValueKind != JsonValueKind.Object)
            throw new InvalidOperationException($"The reply to {sent} was not retrievable when the POST returned.");
        return (set.GetProperty("watermark").GetString(), reply);
    }

    /// <summary>The bot really answered the question (not the error reply): the payment details carry the GiroCode PNG.</summary>
    private static void Check(string kind, JsonElement reply)
    {
        var text = reply.TryGetProperty("text", out var t) ? t.GetString() : null;
        if (string.IsNullOrEmpty(text))
            throw new InvalidOperationException($"The {kind} turn got a reply without text.");
        if (kind == PaymentDetails && !(reply.TryGetProperty("attachments", out var a)
            && a.EnumerateArray().Any(x => x.GetProperty("contentType").GetString() == "image/png")))
            throw new InvalidOperationException($"The payment details came without the GiroCode: {text}");
        if (kind == "balance" && !text.Contains("RE-", StringComparison.Ordinal))
            throw new InvalidOperationException($"The balance answer names no invoice: {text}");
    }

    /// <summary>What LiteDB holds at the end: linked conversations, bot states and transcript entries.</summary>
    private static object Stored(IServiceProvider services, int expectedTranscriptEntries)
    {
        var database = services.GetRequiredService<LiteDbContext>().Database;
        return new
        {
            linked_conversations = database.GetCollection(LiteConversationStore.CollectionName).Count("$.DebtorId != null"),
            bot_states = database.GetCollection(LiteBotStorage.CollectionName).Count(),
            transcript_entries = LiteTranscriptStore.CountEntries(database),
            expected_transcript_entries = expectedTranscriptEntries,
        };
    }
}
