using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Security;

/// <summary>
/// Two real processes (the built host and its verbs, started with <c>dotnet Dunning.Bot.dll</c>) on one LiteDB file in
/// the default Direct mode: the second is refused with a message naming the first and exit code 2, and writes nothing.
/// </summary>
public sealed class One_process_writes_a_database_file : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly string folder = Directory.CreateTempSubdirectory("dunning-lock-").FullName;

    private string DatabasePath => Path.Combine(folder, "dunning.db");

    [LiteDbOnlyFact("the lock file of a LiteDB database, held by the host process")]
    public async Task An_import_while_the_host_runs_is_refused_naming_the_host_and_writes_nothing()
    {
        using var host = HostProcess.Start(Environment());
        await WaitUntilListeningAsync(host);
        var csv = Path.Combine(folder, "invoices.csv");
        await File.WriteAllTextAsync(csv, "Rechnungsnummer;Kundennummer;Name;Rechnungsdatum;Fälligkeit;Währung;Betrag\nRE-1;K1;Müller GmbH;26.11.2026;10.12.2026;EUR;119,00\n");
        var sizeBefore = new FileInfo(DatabasePath).Length;

        using var import = HostProcess.Start(Environment(), "import", csv);
        var exit = import.WaitForExit(Bound);

        Assert.True(exit == DatabaseFileLock.InUseExitCode, $"exit {exit}:{System.Environment.NewLine}{import.Output}");
        Assert.Contains($"is in use by another process: pid {host.Id} ", import.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", import.Output, StringComparison.Ordinal);
        Assert.False(host.HasExited, host.Output);
        Assert.Equal(sizeBefore, new FileInfo(DatabasePath).Length);
    }

    [LiteDbOnlyFact("the lock file of a LiteDB database, held by the host process")]
    public void A_second_host_is_refused_and_a_verb_runs_once_the_holder_is_gone()
    {
        var holder = DatabaseFileLock.Acquire(DatabasePath, TimeProvider.System);
        using (var second = HostProcess.Start(Environment()))
        {
            var exit = second.WaitForExit(Bound);
            Assert.True(exit == DatabaseFileLock.InUseExitCode, $"exit {exit}:{System.Environment.NewLine}{second.Output}");
            Assert.Contains($"pid {System.Environment.ProcessId} ", second.Output, StringComparison.Ordinal);
        }

        holder.Dispose();
        using var verb = HostProcess.Start(Environment(), "links");
        var after = verb.WaitForExit(Bound);
        Assert.True(after == 0, $"exit {after}:{System.Environment.NewLine}{verb.Output}");
    }

    [LiteDbOnlyFact("the lock file of a LiteDB database, held by the host process")]
    public async Task A_killed_host_leaves_no_lock_behind()
    {
        using (var host = HostProcess.Start(Environment()))
        {
            await WaitUntilListeningAsync(host);
            host.Kill();
        }

        using var verb = HostProcess.Start(Environment(), "links");
        var exit = verb.WaitForExit(Bound);
        Assert.True(exit == 0, $"exit {exit}:{System.Environment.NewLine}{verb.Output}");
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["Storage__Path"] = DatabasePath,
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Scheduling__Enabled"] = "false",
    };

    private static Task WaitUntilListeningAsync(HostProcess host) => host.WaitUntilListeningAsync(Bound);

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process still closing its files; the temp folder is cleaned by the OS.
        }
    }
}
