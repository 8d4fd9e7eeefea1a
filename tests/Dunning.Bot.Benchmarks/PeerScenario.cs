using System.Globalization;
using System.Text.Json.Nodes;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// <c>peer [--users 200] [--latency-users 20] [--rounds 5] [--show-transcript 1] [--only reference|dunning] [--peer FOLDER]</c>: Dunning.Bot
/// side by side with Microsoft's reference bot (botbuilder 4.23.3) under the same load generator, in one run. The
/// reference folder (<c>--peer</c>, else <c>shared/peers/botframework-load</c> next to the repository or one of its parent
/// folders, i.e. <c>../shared/…</c> from a clone in /work) is copied to <c>artifacts/peer</c> (git-ignored) and installed there with <c>npm ci</c> once; our
/// host is the Release build of src/Dunning.Bot, started as its own process on a fresh data folder with
/// <see cref="PeerData.Debtors"/> imported debtors, answering Bot Framework activities on <c>/api/messages</c>
/// (Teams channel, anonymous on loopback in Development, <c>expectReplies</c>). Both bots run at once and are loaded in
/// turn with <c>--users</c> (throughput), then with <c>--latency-users</c> (latency), so the machine's other work falls
/// on both alike. Prints one JSON line with both
/// bots' load.js results, their CPU per turn, the ratios and the load average.
/// </summary>
internal sealed class PeerScenario : IScenario
{
    public string Name => "peer";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var users = args.Int("users", 200);
        var latencyUsers = args.Int("latency-users", 20);
        var rounds = args.Int("rounds", 5);
        var transcript = args.String("show-transcript", "0") != "0";
        var root = PeerProcesses.RepositoryRoot();
        var peerSource = args.String("peer", "") is { Length: > 0 } given ? Path.GetFullPath(given) : PeerProcesses.SharedPeerFolder(root);
        var peerFolder = await PeerProcesses.InstallPeerAsync(peerSource, Path.Combine(root, "artifacts", "peer"), cancellationToken);
        var loadAverageBefore = LoadAverage();

        var only = args.String("only", "both");
        var data = Directory.CreateTempSubdirectory("dunning-peer-");
        var reference = new JsonObject();
        var ours = new JsonObject();
        try
        {
            // Both bots run at once (the idle one costs nothing) and are loaded in turn, so that the machine's other
            // work falls on both alike: throughput reference, ours; latency reference, ours.
            var (script, vars) = await PeerData.PrepareAsync(data.FullName, cancellationToken);
            await using var referenceBot = only is "both" or "reference" ? await PeerProcesses.StartReferenceBotAsync(peerFolder, cancellationToken) : null;
            await using var dunningBot = only is "both" or "dunning" ? await PeerProcesses.StartDunningHostAsync(root, data.FullName, cancellationToken) : null;
            var referenceScript = Path.Combine(peerFolder, "script.json");
            foreach (var (run, count) in new[] { ("throughput", users), ("latency", latencyUsers) })
            {
                var first = run == "throughput" && transcript;
                if (referenceBot is not null)
                    reference[run] = await referenceBot.LoadAsync(peerFolder, count, rounds, referenceScript, null, first, cancellationToken);
                if (dunningBot is not null)
                    ours[run] = await dunningBot.LoadAsync(peerFolder, count, rounds, script, vars, first, cancellationToken);
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }

        var line = new JsonObject
        {
            ["scenario"] = Name,
            ["users"] = users,
            ["latency_users"] = latencyUsers,
            ["rounds"] = rounds,
            ["load_average_before"] = loadAverageBefore,
            ["load_average_after"] = LoadAverage(),
            ["ratios"] = new JsonObject
            {
                // Ours over the reference's: above 1 is faster.
                ["turns_per_s"] = Ratio(ours, reference, "throughput", "turns_per_s"),
                ["latency_turns_per_s"] = Ratio(ours, reference, "latency", "turns_per_s"),
                // Ours over the reference's: below 1 is faster.
                ["p99_ms"] = Ratio(ours, reference, "throughput", "p99_ms"),
                ["latency_p50_ms"] = Ratio(ours, reference, "latency", "p50_ms"),
                ["latency_p99_ms"] = Ratio(ours, reference, "latency", "p99_ms"),
                ["cpu_ms_per_turn"] = Ratio(ours, reference, "throughput", "cpu_ms_per_turn"),
            },
            ["reference"] = reference,
            ["dunning"] = ours,
        };
        Console.WriteLine(line.ToJsonString());
    }

    private static double? Ratio(JsonObject ours, JsonObject reference, string run, string field)
    {
        var a = ours[run]?[field]?.GetValue<double>();
        var b = reference[run]?[field]?.GetValue<double>();
        return a is { } x && b is { } y && y > 0 ? Math.Round(x / y, 3) : null;
    }

    /// <summary>The 1-minute load average (Linux), or null elsewhere.</summary>
    private static double? LoadAverage()
    {
        const string file = "/proc/loadavg";
        if (!File.Exists(file))
            return null;
        var first = File.ReadAllText(file).Split(' ')[0];
        return double.Parse(first, CultureInfo.InvariantCulture);
    }
}
