using System.Globalization;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// One writer per LiteDB file: in <see cref="StorageConnection.Direct"/> mode the process holds <c>&lt;file&gt;.lock</c>
/// open with <see cref="FileShare.None"/> for as long as it uses the database. On Linux and macOS .NET turns that into an
/// exclusive <c>flock</c>, which LiteDB's own lock (a named mutex, process-local there) does not give, so a second
/// process — an import verb while the host runs — is refused instead of writing into the live file. The kernel drops
/// the lock when the process ends, also on a crash, so a stale lock file never blocks anyone. Who holds it is written
/// beside it (<c>&lt;file&gt;.lock.owner</c>: pid, program, start) for the refusal message.
/// </summary>
public sealed class DatabaseFileLock : IDisposable
{
    private readonly FileStream stream;

    private DatabaseFileLock(FileStream stream) => this.stream = stream;

    /// <summary>The exit code of a process refused because another one holds the file.</summary>
    public const int InUseExitCode = DatabaseInUseException.ExitCode;

    /// <summary>Takes the lock of <paramref name="databasePath"/> or throws <see cref="DatabaseInUseException"/> naming the holder.</summary>
    public static DatabaseFileLock Acquire(string databasePath, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var path = Path.GetFullPath(databasePath) + ".lock";
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DatabaseInUseException(
                $"The database file {Path.GetFullPath(databasePath)} is in use by {Holder(path)}. Only one process may write it: stop that " +
                $"process first (or run this command through it), or set {StorageOptions.SectionName}:Connection to Shared in every process.", ex);
        }
        var args = Environment.GetCommandLineArgs();
        var verb = args.Length > 1 && !args[1].StartsWith('-') ? args[1] : "serve";
        var owner = string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} ({Path.GetFileName(args[0])} {verb}), since {clock.GetUtcNow():u}");
        File.WriteAllText(path + ".owner", owner);
        return new DatabaseFileLock(stream);
    }

    public void Dispose() => stream.Dispose();

    private static string Holder(string lockPath)
    {
        try
        {
            return File.ReadAllText(lockPath + ".owner").Trim() is { Length: > 0 } owner ? "another process: " + owner : "another process";
        }
        catch (IOException)
        {
            return "another process";
        }
    }
}
