using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster for the tests: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free
/// loopback port with its unix socket in that folder, stopped and deleted afterwards — never a shared system service.
/// Shared by the <see cref="PostgresCollection"/> so it starts once; each test class takes its own database
/// (<see cref="CreateDatabaseAsync"/>). initdb refuses to run as root: then the binaries run as the <c>postgres</c> user
/// (Debian's package creates it) or <c>nobody</c>, owning the folder. Without binaries the tests are skipped outside CI
/// (see <see cref="PostgresFactAttribute"/>) and fail in CI.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string InstallCommand = "apt-get install -y postgresql (or run .ci/install)";
    private const string Superuser = "dunning";

    private readonly string root = Directory.CreateTempSubdirectory("dunning-pg-").FullName;
    private int databases;

    public int Port { get; private set; }

    /// <summary>The folder with initdb and pg_ctl: on the PATH, /usr/local/bin, or the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? BinDirectory { get; } = FindBinaries();

    public static bool IsInstalled => BinDirectory is not null;

    /// <summary>Why a PostgreSQL test cannot run here (binaries missing, not in CI); null when it runs.</summary>
    public static string? SkipReason() => IsInstalled || Environment.GetEnvironmentVariable("CI") == "true"
        ? null
        : $"PostgreSQL's initdb and pg_ctl are not installed; install them with: {InstallCommand}";

    /// <summary>A connection string to the cluster's <c>postgres</c> database (for creating others).</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public async Task InitializeAsync()
    {
        Assert.True(IsInstalled, $"PostgreSQL's initdb and pg_ctl are missing; install them with: {InstallCommand}");
        var user = RunAsUser();
        if (user is not null)
            await RunAsync("chown", ["-R", $"{user}:", root], asUser: null);
        var data = Path.Combine(root, "data");
        await RunAsync(Path.Combine(BinDirectory!, "initdb"),
            ["-D", data, "-A", "trust", "-U", Superuser, "-E", "UTF8", "--locale=C", "--no-sync"], user);
        Port = FreePort();
        await RunAsync(Path.Combine(BinDirectory!, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start", "-o",
                $"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"],
            user);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(root, "data", "postmaster.pid")))
                await RunAsync(Path.Combine(BinDirectory!, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"], RunAsUser());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// A new database on the cluster, empty (from <c>template0</c>) or a copy of <paramref name="template"/> (a database of
    /// this cluster nobody is connected to); returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = $"test_{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}"[..30];
        var from = template is null ? "template0" : new NpgsqlConnectionStringBuilder(template).Database;
        await AdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{from}\"");
        return ConnectionString(name);
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing what still uses it (its pool first).</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        await using (var pooled = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(pooled);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Pooling = true,
        MaxPoolSize = 20,
    }.ConnectionString;

    /// <summary>As root, the user the binaries run as (initdb refuses root): postgres when it exists, else nobody.</summary>
    private static string? RunAsUser() => Environment.UserName != "root"
        ? null
        : File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";

    private static async Task RunAsync(string executable, IReadOnlyList<string> arguments, string? asUser)
    {
        var start = new ProcessStartInfo(asUser is null ? executable : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            foreach (var arg in new[] { "-u", asUser, "--", executable })
                start.ArgumentList.Add(arg);
        }
        foreach (var arg in arguments)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0,
            $"{Path.GetFileName(executable)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/local/bin")
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
