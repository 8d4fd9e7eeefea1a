using Dunning.Bot.Tests.Fakes.Telegram;

namespace Dunning.Bot.Tests.Channels.Telegram;

/// <summary>
/// A fake Telegram Bot API server and the channel talking to it with the real Telegram.Bot client; the database
/// file lives in a temp folder for the test, so a second host can pick up where the first stopped.
/// </summary>
public abstract class TelegramChannelTestBase : IAsyncLifetime
{
    protected static readonly FakeUser Anna = new(424242, "Anna", "Berger", "anna_b", "de");
    protected static readonly FakeUser Ben = new(515151, "Ben", LanguageCode: "en");
    protected const string Secret = "s3cr3t_Webhook-Token";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dunning-telegram-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    protected FakeTelegramServer Server { get; private set; } = null!;

    protected RecordingBot Bot { get; } = new();

    protected TelegramHost Host { get; private set; } = null!;

    protected CancellationToken Ct => _timeout.Token;

    protected string DatabasePath => Path.Combine(_folder, "dunning.db");

    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    protected virtual FakeTelegramOptions ServerOptions() => new();

    /// <summary>Settings of the Telegram section besides Token and ApiBaseUrl; "{host}" is replaced by the host's base URL.</summary>
    protected virtual Dictionary<string, string?> Settings() => [];

    protected virtual bool StartHostAtOnce => true;

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Server = await FakeTelegramServer.StartAsync(ServerOptions(), Ct);
        if (StartHostAtOnce)
            await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
            await Host.DisposeAsync();
        await Server.DisposeAsync();
        _timeout.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping thread; the OS cleans the temp folder.
        }
    }

    protected async Task StartHostAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Token"] = Server.Token,
            ["ApiBaseUrl"] = Server.BaseUrl.ToString(),
        };
        foreach (var (key, value) in Settings())
            settings[key] = value;
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        var connectedBefore = Connections();
        Host = await TelegramHost.StartAsync(DatabasePath, Bot, settings, Ct);
        // Ready when connected: getMe, setMyCommands, then setWebhook or deleteWebhook, in that order.
        await Server.WaitUntilAsync(_ => Connections() > connectedBefore, Wait, Ct);
    }

    private int Connections() => Server.Calls.Count(c => c.Method is "deleteWebhook" or "setWebhook" && c.StatusCode == 200);

    protected async Task StopHostAsync()
    {
        await Host.DisposeAsync();
        Host = null!;
    }

    protected Task UntilAsync(Func<bool> condition) => Server.WaitUntilAsync(_ => condition(), Wait, Ct);
}
