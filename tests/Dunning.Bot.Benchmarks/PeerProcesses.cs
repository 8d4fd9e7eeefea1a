using System.Diagnostics;
using System.Net.Sockets;

namespace Dunning.Bot.Benchmarks;

/// <summary>Installs and starts the two bots of <see cref="PeerScenario"/> as processes of their own.</summary>
internal static class PeerProcesses
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>What ScheduleSweep logs when a sweep is done.</summary>
    private const string SweepLogLine = "Sweep at ";

    /// <summary>The build configuration of this benchmark, which is also the host's (src/Dunning.Bot is built with it).</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The folder holding Dunning.Bot.sln, found upwards from this program.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dunning.Bot.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("Dunning.Bot.sln not found above " + AppContext.BaseDirectory + ": run the benchmark from its build output in the repository.");
    }

    /// <summary>The first <c>shared/peers/botframework-load</c> beside the repository or beside one of its parent folders.</summary>
    public static string SharedPeerFolder(string root)
    {
        for (var folder = new DirectoryInfo(root).Parent; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "peers", "botframework-load");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "peers", "botframework-load"));
    }

    /// <summary>
    /// Copies the reference bot's files (the shared folder may be read-only) into <paramref name="target"/> and runs
    /// <c>npm ci</c> there when botbuilder is not installed yet. Returns <paramref name="target"/>.
    /// </summary>
    public static async Task<string> InstallPeerAsync(string source, string target, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(source, "load.js")))
            throw new InvalidOperationException($"The reference bot is not at {source} (expected load.js, peer-bot.js): pass --peer <folder>.");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copy, overwrite: true);
            File.SetAttributes(copy, FileAttributes.Normal);
        }
        if (!Directory.Exists(Path.Combine(target, "node_modules", "botbuilder")) || !Directory.Exists(Path.Combine(target, "node_modules", "botbuilder-dialogs")))
        {
            var npm = Start("npm", target, null, "ci", "--no-audit", "--no-fund");
            var output = await npm.OutputAsync(ct);
            if (npm.Process.ExitCode != 0)
                throw new InvalidOperationException($"npm ci in {target} failed ({npm.Process.ExitCode}):\n{output}");
        }
        return target;
    }

    /// <summary>Starts peer-bot.js on a free loopback port and waits until it accepts connections.</summary>
    public static async Task<RunningBot> StartReferenceBotAsync(string peerFolder, CancellationToken ct)
    {
        var port = FreePort();
        var bot = Start("node", peerFolder, new() { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "peer-bot.js");
        var running = new RunningBot("botbuilder 4.23.3 reference bot", bot, $"http://127.0.0.1:{port}/api/messages");
        try
        {
            await running.WaitUntilAsync(() => PortOpenAsync(port, ct), ct);
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
        return running;
    }

    /// <summary>
    /// Starts the host (src/Dunning.Bot, this build's configuration) on a free loopback port with the settings file in
    /// <paramref name="dataFolder"/> and waits for <c>/health</c>.
    /// </summary>
    public static async Task<RunningBot> StartDunningHostAsync(string root, string dataFolder, CancellationToken ct)
    {
        var dll = Path.Combine(root, "src", "Dunning.Bot", "bin", Configuration, "net10.0", "Dunning.Bot.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: build with `dotnet build -c {Configuration} tests/Dunning.Bot.Benchmarks`.");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var host = Start("dotnet", dataFolder, new() { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development" },
            dll, "serve", "--urls", url, "--config", Path.Combine(dataFolder, PeerData.SettingsFile));
        var running = new RunningBot($"Dunning.Bot ({Configuration})", host, url + "/api/messages");
        try
        {
            await WaitForHealthAndSweepAsync(running, host, url, ct);
        }
        catch
        {
            // Never leave a host behind that holds its data folder.
            await running.DisposeAsync();
            throw;
        }
        return running;
    }

    private static async Task WaitForHealthAndSweepAsync(RunningBot running, CapturedProcess host, string url, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await running.WaitUntilAsync(async () =>
        {
            try
            {
                using var health = await http.GetAsync(url + "/health", ct);
                return health.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                // Not listening yet, or too slow to answer on a loaded machine: ask again.
                return false;
            }
        }, ct);
        // The host sweeps once at start (200 overdue debtors without a channel: 200 owner alerts); let it finish first.
        var sweep = Stopwatch.StartNew();
        while (!host.Lines.Any(l => l.Contains(SweepLogLine, StringComparison.Ordinal)) && sweep.Elapsed < StartTimeout)
            await Task.Delay(100, ct);
    }

    /// <summary>Starts a program with its output captured (drained continuously, the tail kept for error messages).</summary>
    public static CapturedProcess Start(string program, string folder, Dictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? [])
            start.Environment[name] = value;
        try
        {
            return new CapturedProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}."));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start {program} (is it installed and on PATH?): {e.Message}", e);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> PortOpenAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Fails when the bot exits or is not ready within <see cref="StartTimeout"/>.</summary>
    private static async Task WaitUntilAsync(this RunningBot bot, Func<Task<bool>> ready, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (!await ready())
        {
            if (bot.Captured.Process.HasExited)
                throw new InvalidOperationException($"{bot.Name} exited during start-up ({bot.Captured.Process.ExitCode}):\n{bot.Captured.Tail()}");
            if (watch.Elapsed > StartTimeout)
                throw new InvalidOperationException($"{bot.Name} was not ready within {StartTimeout.TotalSeconds} s:\n{bot.Captured.Tail()}");
            await Task.Delay(100, ct);
        }
    }
}
