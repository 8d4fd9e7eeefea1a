using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dunning.Bot.Tests.Channels.Email;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Operations;

/// <summary>
/// The production way to run the bot: <c>dotnet publish</c> to a self-contained folder (as docs/operations.md and the Dockerfile
/// do), started with <c>--urls</c> and a data path outside the folder. It answers <c>/health</c>, writes its database
/// where it was told and nowhere else, and stops on SIGTERM.
/// </summary>
public sealed class The_published_folder_runs : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("dunning-publish-");

    [LiteDbOnlyFact("the published program on its default storage, the LiteDB file --Storage:Path names")]
    public async Task Published_self_contained_it_starts_with_urls_and_a_data_path_and_answers_health()
    {
        var output = Path.Combine(work.FullName, "app");
        var (exit, log) = await RunAsync("dotnet", ["publish", Path.Combine(MailServer.RepositoryRoot(), "src", "Dunning.Bot"),
            "-c", "Release", "-r", "linux-x64", "--self-contained", "-o", output, "-p:UseAppHost=true"], PublishTimeout);
        Assert.True(exit == 0, "dotnet publish failed:\n" + log);
        Assert.True(File.Exists(Path.Combine(output, "dialogs", "main.de.yaml")), "the wording is published beside the program");

        var port = FreePort();
        var database = Path.Combine(work.FullName, "data", "dunning.db");
        using var bot = Process.Start(new ProcessStartInfo(Path.Combine(output, "Dunning.Bot"),
            ["--urls", $"http://127.0.0.1:{port}", "--Storage:Path", database])
        {
            WorkingDirectory = work.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var console = CollectAsync(bot);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            Assert.Equal("Healthy", await HealthAsync(http, bot, TimeSpan.FromSeconds(90)));
            Assert.True(File.Exists(database), "the database is where --Storage:Path said");
            Assert.False(Directory.Exists(Path.Combine(output, "data")), "nothing is written into the program folder");
        }
        finally
        {
            if (!bot.HasExited)
            {
                Terminate(bot.Id);
                if (!bot.WaitForExit(TimeSpan.FromSeconds(30)))
                    bot.Kill(entireProcessTree: true);
            }
        }
        Assert.Equal(0, bot.ExitCode);
        Assert.Contains("Now listening on: http://127.0.0.1:" + port, await console, StringComparison.Ordinal);
    }

    public void Dispose() => work.Delete(recursive: true);

    private static async Task<string> HealthAsync(HttpClient http, Process bot, TimeSpan within)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < within && !bot.HasExited)
        {
            try
            {
                return await http.GetStringAsync(new Uri("/health", UriKind.Relative));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }
        return bot.HasExited ? $"exited with {bot.ExitCode}" : "no answer";
    }

    private static async Task<(int Exit, string Log)> RunAsync(string file, string[] arguments, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var log = CollectAsync(process);
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await log);
    }

    private static async Task<string> CollectAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        return await output + await error;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGTERM, as systemd and a container runtime stop the service.</summary>
    private static void Terminate(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
