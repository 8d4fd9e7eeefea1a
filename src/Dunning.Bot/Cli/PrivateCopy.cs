using System.Diagnostics;
using System.Globalization;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Storage.Migration;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Uploads;
using Npgsql;

namespace Dunning.Bot.Cli;

/// <summary>
/// The private copy of the data that <c>simulate</c> and <c>sweep --dry-run</c> run on: a LiteDB file in a temporary
/// folder (deleted on dispose) that the verb opens instead of the real storage (<see cref="Settings"/>), so whatever the
/// run writes — moved cases, outbox entries, assumed chats — lands in the copy, and nothing is sent from the real data.
/// <para>
/// On LiteDB it is a copy of the file (and its log). On PostgreSQL the database's planning data is copied into a fresh
/// LiteDB file through the storage migration's machinery (<see cref="PostgreSqlStorageSource"/> →
/// <see cref="LiteStorageTarget"/>, verified by count and checksum per kind), and the verb then runs the same LiteDB path
/// as on a file. Why this and not the alternatives:
/// </para>
/// <list type="bullet">
/// <item>A transaction that is always rolled back would have to carry every write of the run, but not everything a run
/// does is transactional (sequence values, advisory locks, <c>pg_notify</c>, send permits, Quartz), and the sweep's
/// writes take row locks on cases and outbox keys that running hosts' turns and dispatchers would wait for — for the
/// whole of a 90-day simulation.</item>
/// <item><c>CREATE DATABASE … TEMPLATE</c> fails while any other session is connected to the template: never, with
/// hosts running.</item>
/// <item>The copy reads in one <c>REPEATABLE READ READ ONLY</c> transaction: one consistent snapshot, no writes, no row
/// locks, no waiting for or by the hosts; the schema is checked, never migrated. It streams in batches, so memory
/// stays bounded whatever the size.</item>
/// </list>
/// <para>
/// Only the kinds the planning reads are copied (<see cref="LiteStorageTarget.Kinds"/>: debtors, invoices, cases,
/// agreements, escalations, conversation links, outbox — the ports of the sweep, the planner, the dispatcher and the
/// escalation desk): transcripts, dialog state, proofs, staff, audit and the channels' own state are never read by a
/// dry run, and leaving them out keeps personal data and channel credentials (owner chats) out of the temporary file.
/// </para>
/// </summary>
internal sealed class PrivateCopy : IDisposable
{
    private const int BatchSize = 500;

    private readonly string folder;

    private PrivateCopy(string folder, string path)
    {
        this.folder = folder;
        Path = path;
    }

    /// <summary>The copy's file.</summary>
    public string Path { get; }

    /// <summary>The configuration that points a verb's storage at the copy (LiteDB, the copy's path, the file's lock held).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = nameof(StorageProvider.LiteDb),
        ["Storage:Path"] = Path,
        ["Storage:Connection"] = nameof(StorageConnection.Direct),
    };

    /// <summary>
    /// The copy of the storage <paramref name="configuration"/> names (its <c>Storage</c> and <c>Uploads</c> sections);
    /// null after telling <paramref name="error"/> why not, with the exit code (1 no database or unreachable, 2 a
    /// malformed connection string).
    /// </summary>
    public static async Task<(PrivateCopy? Copy, int ExitCode)> CreateAsync(string verb, IConfiguration configuration, TextWriter error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(error);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider != StorageProvider.PostgreSql)
            return await FromFileAsync(storage.Path, error);
        var problem = string.IsNullOrWhiteSpace(storage.ConnectionString) ? "it is not set." : PostgreSqlDatabase.ConnectionStringProblem(storage.ConnectionString);
        if (problem is not null)
        {
            await error.WriteLineAsync($"{verb}: Storage:ConnectionString cannot be used: {problem} Nothing was changed.");
            return (null, 2);
        }
        var uploads = configuration.GetSection(UploadOptions.SectionName).Get<UploadOptions>() ?? new UploadOptions();
        var folder = Directory.CreateTempSubdirectory($"dunning-{verb}-").FullName;
        var copy = new PrivateCopy(folder, System.IO.Path.Combine(folder, "dunning.db"));
        var filled = false;
        try
        {
            filled = await copy.FillAsync(storage, uploads, error, verb, cancellationToken);
            return filled ? (copy, 0) : (null, 1);
        }
        finally
        {
            if (!filled)
                copy.Dispose();
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The full path of the LiteDB file at <paramref name="path"/>; null after telling <paramref name="error"/> it is missing.</summary>
    public static async Task<string?> ExistingFileAsync(string path, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var source = System.IO.Path.GetFullPath(path);
        if (File.Exists(source))
            return source;
        await error.WriteLineAsync($"No database at {source}; import invoices first or pass --config with Storage:Path.");
        return null;
    }

    private static async Task<(PrivateCopy?, int)> FromFileAsync(string path, TextWriter error)
    {
        if (await ExistingFileAsync(path, error) is not { } source)
            return (null, 1);
        var folder = Directory.CreateTempSubdirectory("dunning-copy-").FullName;
        var target = System.IO.Path.Combine(folder, System.IO.Path.GetFileName(source));
        File.Copy(source, target);
        var log = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(source)!,
            System.IO.Path.GetFileNameWithoutExtension(source) + "-log" + System.IO.Path.GetExtension(source));
        if (File.Exists(log))
            File.Copy(log, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(log)));
        return (new PrivateCopy(folder, target), 0);
    }

    /// <summary>Copies the PostgreSQL database's planning data into <see cref="Path"/> and proves it; false after saying why not.</summary>
    private async Task<bool> FillAsync(StorageOptions storage, UploadOptions uploads, TextWriter error, string verb,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<KindReport> reports;
        TimeSpan copied;
        try
        {
            using var source = await PostgreSqlStorageSource.OpenAsync(storage.ConnectionString!, string.IsNullOrWhiteSpace(uploads.Folder), cancellationToken);
            using var target = LiteStorageTarget.IntoNewFile(Path, storage.Password);
            var migration = new StorageMigration(source, target, BatchSize);
            reports = await migration.CopyIntoEmptyAsync(LiteStorageTarget.Kinds, cancellationToken);
            copied = watch.Elapsed;
            await migration.VerifyAsync(reports, cancellationToken);
        }
        catch (Exception ex) when (ex is StorageException or NpgsqlException or IOException or TimeoutException)
        {
            await error.WriteLineAsync($"{verb}: cannot copy the data from PostgreSQL: {ex.Message} Nothing was changed.");
            return false;
        }
        if (reports.FirstOrDefault(r => !r.Verified) is { } failed)
        {
            await error.WriteLineAsync($"{verb}: the private copy of '{failed.Kind}' does not match the database ({failed.Source.Count} records read, "
                + $"{failed.Target?.Count ?? 0} in the copy); nothing was run and nothing was changed.");
            return false;
        }
        // On stderr, so that the verb's own output stays what it prints on a LiteDB file.
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{verb}: copied {reports.Sum(r => r.Copied)} records from one snapshot of PostgreSQL into a private file in {copied.TotalSeconds:0.0} s, "
            + $"verified in {(watch.Elapsed - copied).TotalSeconds:0.0} s."));
        return true;
    }
}
