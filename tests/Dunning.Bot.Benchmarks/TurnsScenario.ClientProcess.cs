using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// <c>--client-process</c>: the same client in a child process (<c>turns --client-of &lt;address&gt; --tokens &lt;file&gt;</c>),
/// so that this process's CPU during the measured window is the host's alone. The child warms up with its first
/// <c>--warmup</c> debtors, says <c>ready</c>, waits for a line on its input, drives the rest, and answers one JSON line
/// with the latencies, its wall time and its CPU time.
/// </summary>
internal sealed partial class TurnsScenario
{
    private const string Ready = "ready";

    private static async Task<Measured> RunInChildAsync(string address, string[] linkTokens, int warmup, int turns, int concurrency, CancellationToken ct)
    {
        var tokenFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(tokenFile, linkTokens, ct);
            var start = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            // Run as `dotnet Dunning.Bot.Benchmarks.dll` or as the app host itself.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
                start.ArgumentList.Add(typeof(TurnsScenario).Assembly.Location);
            foreach (var argument in new[] { "turns", "--client-of", address, "--tokens", tokenFile, "--warmup", Num(warmup), "--turns", Num(turns), "--concurrency", Num(concurrency) })
                start.ArgumentList.Add(argument);
            using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the client process.");
            if (await child.StandardOutput.ReadLineAsync(ct) != Ready)
                throw new InvalidOperationException("The client process did not get ready.");
            var cpuBefore = Environment.CpuUsage.TotalTime;
            await child.StandardInput.WriteLineAsync("go");
            await child.StandardInput.FlushAsync(ct);
            var line = await child.StandardOutput.ReadLineAsync(ct) ?? throw new InvalidOperationException("The client process ended without a result.");
            var serverCpu = Environment.CpuUsage.TotalTime - cpuBefore;
            await child.WaitForExitAsync(ct);
            var result = JsonSerializer.Deserialize<ClientResult>(line)!;
            var latencies = new ConcurrentBag<(string Kind, double Ms)>(result.Latencies.Select(l => (l.Kind, l.Ms)));
            return new Measured(latencies, TimeSpan.FromSeconds(result.Seconds), serverCpu + TimeSpan.FromMilliseconds(result.CpuMs), serverCpu);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    private static async Task RunClientAsync(string address, BenchmarkArgs args, CancellationToken ct)
    {
        var tokens = await File.ReadAllLinesAsync(args.String("tokens", ""), ct);
        var warmup = args.Int("warmup", 0);
        var concurrency = args.Int("concurrency", 8);
        using var http = Client(address, concurrency);
        await RunDebtorsAsync([http], tokens[..warmup], Script.Length, concurrency, null, ct);
        Console.WriteLine(Ready);
        await Console.In.ReadLineAsync(ct);
        var measured = await RunHereAsync([http], tokens[warmup..], args.Int("turns", 6), concurrency, ct);
        Console.WriteLine(JsonSerializer.Serialize(new ClientResult(
            [.. measured.Latencies.Select(l => new ClientLatency(l.Kind, l.Ms))], measured.Wall.TotalSeconds, measured.Cpu.TotalMilliseconds)));
    }

    private static string Num(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What a run measured: latencies by kind, wall time, CPU of host and client, and the host's alone when known.</summary>
    private sealed record Measured(ConcurrentBag<(string Kind, double Ms)> Latencies, TimeSpan Wall, TimeSpan Cpu, TimeSpan? ServerCpu);

    private sealed record ClientLatency(string Kind, double Ms);

    private sealed record ClientResult(IReadOnlyList<ClientLatency> Latencies, double Seconds, double CpuMs);
}
