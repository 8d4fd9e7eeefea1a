using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>
/// A fake Telegram server and a fresh PostgreSQL database per test, and the hosts a test starts on them
/// (<see cref="StartHost"/>), all stopped afterwards.
/// </summary>
public abstract class TelegramHostsOnOneDatabase(PostgresServer postgres) : IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));
    private readonly List<TelegramHostOnPostgres> hosts = [];

    protected FakeTelegramServer Server { get; private set; } = null!;

    protected string Connection { get; private set; } = null!;

    protected CancellationToken Ct => timeout.Token;

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason() is not null)
            return;
        Server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions(), Ct);
        Connection = await postgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
            await host.DisposeAsync();
        if (Server is not null)
            await Server.DisposeAsync();
        timeout.Dispose();
    }

    /// <summary>Starts one more host on the database, with <paramref name="settings"/> over the defaults.</summary>
    internal TelegramHostOnPostgres StartHost(Dictionary<string, string?>? settings = null)
    {
        var host = new TelegramHostOnPostgres(Connection, Server, settings);
        hosts.Add(host);
        return host;
    }

    /// <summary>Starts two hosts and waits until one of them polls; returns the leader first.</summary>
    internal async Task<(TelegramHostOnPostgres Leader, TelegramHostOnPostgres Other)> LeaderAndOtherAsync(Dictionary<string, string?>? settings = null)
    {
        var a = StartHost(settings);
        var b = StartHost(settings);
        await Server.WaitUntilAsync(_ => a.Polls + b.Polls > 0, Wait, Ct);
        return a.Polls > 0 ? (a, b) : (b, a);
    }
}
