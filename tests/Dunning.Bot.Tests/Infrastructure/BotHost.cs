using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (a free port) with its own temporary LiteDB file, without metrics (a test that
/// scrapes sets <c>Telemetry:MetricsPath</c>). Settings override configuration; <see cref="Clock"/> replaces the system clock when given.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string environment;
    private readonly Action<IServiceCollection>? services;

    public BotHost(Dictionary<string, string?>? settings = null, string environment = "Testing",
        TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("dunning-test-").FullName;
        this.settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(DataDirectory, "dunning.db"),
            ["Logging:LogLevel:Default"] = "Warning",
            // No metrics pipeline unless a test asks for one: a meter provider listens to every meter in the process, so
            // with hundreds of hosts in one test process each would keep a store for every other host's instruments.
            ["Telemetry:MetricsPath"] = "",
        };
        foreach (var (key, value) in settings ?? [])
            this.settings[key] = value;
        UsePostgreSqlWhenAsked(ownsDatabase: settings?.ContainsKey("Storage:Path") != true);
        this.environment = environment;
        this.services = services;
        Clock = clock;
        // One explicit loopback listener; no "urls" setting, which WebApplicationFactory would rewrite while starting.
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; }

    /// <summary>The database this host alone uses with DUNNING_TEST_STORAGE=PostgreSql (dropped on dispose); null otherwise.</summary>
    private string? ownDatabasePath;

    public TimeProvider? Clock { get; }

    /// <summary>The base address Kestrel listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Uri(address + "/");
        }
    }

    /// <summary>A plain HttpClient talking to Kestrel over the loopback network (no in-memory shortcut).</summary>
    public HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Every test host checks the whole container: each service resolvable, no scoped service held by a singleton.
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        // Program.cs reads some settings while registering (is Telegram or Teams on?), before the host is built; the
        // factory applies app configuration only at Build (dotnet/aspnetcore#37680), host settings right away.
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(s =>
        {
            if (Clock is not null)
                s.Replace(ServiceDescriptor.Singleton(Clock));
            services?.Invoke(s);
        });
    }

    /// <summary>
    /// With <see cref="TestStorage.IsPostgreSql"/>, a host whose test did not choose a provider runs on PostgreSQL: its own
    /// database, or the one standing for the test's Storage:Path (see <see cref="TestStorage"/>).
    /// </summary>
    private void UsePostgreSqlWhenAsked(bool ownsDatabase)
    {
        if (!TestStorage.IsPostgreSql || settings.ContainsKey("Storage:Provider"))
            return;
        var path = settings["Storage:Path"]!;
        settings["Storage:Provider"] = "PostgreSql";
        settings["Storage:ConnectionString"] = TestStorage.DatabaseFor(path);
        if (ownsDatabase)
            ownDatabasePath = path;
    }

    /// <summary>Set once the host has started; a host that refused to start never ran Program's <c>RunAsync</c>.</summary>
    private bool started;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        started = true;
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        if (started)
            WaitUntilTheFileIsReleased();
        if (ownDatabasePath is not null)
            TestStorage.Drop(ownDatabasePath);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background thread; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// Program's <c>RunAsync</c> disposes the host on its own thread when the factory stops it, so the factory's dispose
    /// can return while that disposal still runs: wait until the LiteDB file's lock is free, so a test may open the file next.
    /// </summary>
    private void WaitUntilTheFileIsReleased()
    {
        var lockFile = Path.GetFullPath(settings["Storage:Path"]!) + ".lock";
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (File.Exists(lockFile) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(20);
            }
        }
    }
}
