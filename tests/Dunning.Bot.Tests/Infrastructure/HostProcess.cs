using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>
/// The real host (the built Dunning.Bot.dll) as a child process on a free loopback port, with its output kept for the
/// failure message. <see cref="Kill"/> sends SIGKILL on Linux: no shutdown hooks, no flush, no graceful lease release.
/// Dispose kills the process tree, so a failed test leaves no orphan.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, Uri? baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the host listens (http://127.0.0.1:port/); null for a verb.</summary>
    public Uri? BaseAddress { get; }

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    /// <summary>The process id (to compare with what a refused second process names).</summary>
    public int Id => process.Id;

    /// <summary>Waits for the process to end by itself; its exit code, or null when it still runs after <paramref name="timeout"/>.</summary>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
            return null;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>
    /// Starts the host — or, with <paramref name="arguments"/>, a verb such as <c>import FILE</c> — with
    /// <paramref name="environment"/> added to this process's environment.
    /// </summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostAssembly)!,
        };
        var baseAddress = arguments.Length > 0 ? null : new Uri($"http://127.0.0.1:{FreePort()}/");
        foreach (var argument in baseAddress is null ? [HostAssembly, .. arguments] : new[] { HostAssembly, "--urls", baseAddress.ToString().TrimEnd('/') })
            start.ArgumentList.Add(argument);
        // As in the test process (its .csproj): no tiered PGO, whose instrumented tier costs more than it gains in a short run.
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until the host says it listens; fails with its output when it exits or takes longer than <paramref name="timeout"/>.</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!Output.Contains("Now listening on", StringComparison.Ordinal))
        {
            if (HasExited || waited.Elapsed > timeout)
                Assert.Fail($"The host did not start within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL to the host and anything it started; returns once the process is gone.</summary>
    public void Kill()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
        {
            if (output.Length < 200_000)
                output.AppendLine(line);
        }
    }

    /// <summary>
    /// The host as built by its own project (same configuration and framework as this test assembly); the copy next to
    /// the test assembly is the fallback.
    /// </summary>
    private static string HostAssembly { get; } = FindHostAssembly();

    private static string FindHostAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Debug";
        for (var dir = testOutput; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Dunning.Bot", "bin", configuration, framework, "Dunning.Bot.dll");
            if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")))
                return candidate;
        }
        var beside = Path.Combine(testOutput.FullName, "Dunning.Bot.dll");
        return File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))
            ? beside
            : throw new FileNotFoundException("The built host (Dunning.Bot.dll with its runtimeconfig) was not found; build src/Dunning.Bot first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
