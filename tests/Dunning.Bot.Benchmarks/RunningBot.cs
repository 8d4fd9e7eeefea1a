using System.Globalization;
using System.Text.Json.Nodes;

namespace Dunning.Bot.Benchmarks;

/// <summary>A bot under test: its process, its Bot Framework endpoint, and load.js runs against it.</summary>
internal sealed class RunningBot(string name, CapturedProcess captured, string url) : IAsyncDisposable
{
    public string Name => name;

    public CapturedProcess Captured => captured;

    /// <summary>
    /// Runs <c>node load.js</c> against the bot and returns its JSON line, with the bot's name and the bot process's CPU
    /// per turn added. Fails when a turn failed or did not follow the script (load.js counts it as error or unexpected).
    /// </summary>
    public async Task<JsonObject> LoadAsync(string peerFolder, int users, int rounds, string script, string? vars, bool transcript, CancellationToken ct)
    {
        List<string> arguments = ["load.js", "--url", url, "--users", Num(users), "--rounds", Num(rounds), "--script", script];
        if (vars is not null)
            arguments.AddRange(["--vars", vars]);
        if (transcript)
            arguments.AddRange(["--show-transcript", "1"]);
        captured.Process.Refresh();
        var cpuBefore = captured.Process.TotalProcessorTime;
        var load = PeerProcesses.Start("node", peerFolder, null, [.. arguments]);
        var output = await load.OutputAsync(ct);
        captured.Process.Refresh();
        var cpu = captured.Process.TotalProcessorTime - cpuBefore;
        if (transcript)
            Console.Error.WriteLine(load.Tail());
        var json = load.Lines.LastOrDefault(l => l.StartsWith('{'));
        if (json is null || JsonNode.Parse(json) is not JsonObject result)
            throw new InvalidOperationException($"load.js against {name} printed no result ({load.Process.ExitCode}):\n{output}\n{name}:\n{captured.Tail()}");
        var turns = result["turns"]?.GetValue<int>() ?? 0;
        var errors = result["errors"]?.GetValue<int>() ?? 0;
        var unexpected = result["unexpected"]?.GetValue<int>() ?? 0;
        if (turns == 0 || errors > 0 || unexpected > 0)
            throw new InvalidOperationException($"load.js against {name}: {turns} turns, {errors} errors, {unexpected} unexpected:\n{output}\n{name}:\n{captured.Tail()}");
        result.Remove("bot");
        result.Insert(0, "bot", name);
        // Everything the bot process spent during the run (load.js's warm-up conversations included) per measured turn.
        result["cpu_ms_per_turn"] = Math.Round(cpu.TotalMilliseconds / turns, 3);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (!captured.Process.HasExited)
        {
            captured.Process.Kill(entireProcessTree: true);
            await captured.Process.WaitForExitAsync();
        }
        captured.Process.Dispose();
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
