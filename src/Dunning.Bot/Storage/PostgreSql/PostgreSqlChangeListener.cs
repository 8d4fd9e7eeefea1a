using Microsoft.Extensions.Options;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// Each host's one listening connection for <see cref="PostgreSqlChangeNotifications"/>: <c>LISTEN dunning_changes</c>,
/// then waits for notifications, checking a silent connection every <see cref="PostgreSqlHostsOptions.ListenKeepAlive"/>.
/// A lost connection (database restart, network, <c>pg_terminate_backend</c>) is re-opened after a pause that doubles
/// from one second up to <see cref="PostgreSqlHostsOptions.ListenRetryMax"/>; after every (re-)opening the subscribers
/// hear <see cref="ChangeNotice.Missed"/>, because notices sent meanwhile never arrive — so nothing stays stuck. The
/// connection's <c>application_name</c> is <c>dunning-changes-{host id}</c>, to find it in <c>pg_stat_activity</c>.
/// </summary>
public sealed partial class PostgreSqlChangeListener(
    PostgreSqlDatabase database, PostgreSqlChangeNotifications notifications, IOptions<PostgreSqlHostsOptions> options, TimeProvider clock,
    ILogger<PostgreSqlChangeListener> logger) : BackgroundService
{
    private int connects;
    private volatile bool listening;

    /// <summary>True while the connection is open and listening.</summary>
    public bool IsListening => listening;

    /// <summary>How often the connection was opened and listened (1 after the start, more after each loss).</summary>
    public int Connects => Volatile.Read(ref connects);

    /// <summary>The <c>application_name</c> of this host's listening connection.</summary>
    public string ApplicationName => $"dunning-changes-{notifications.HostId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            var opened = Connects;
            try
            {
                await ListenAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
            {
                listening = false;
                if (Connects > opened)
                    pause = TimeSpan.Zero;
                pause = pause == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : Min(pause * 2, options.Value.ListenRetryMax);
                LogLost(logger, ex, pause.TotalSeconds);
                try
                {
                    // A little jitter, so hosts that lost the database together do not knock together.
                    await Task.Delay(pause * (0.8 + (0.4 * Random.Shared.NextDouble())), clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        listening = false;
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
        connection.Notification += (_, e) => notifications.Receive(e.Payload);
        await using (var listen = new NpgsqlCommand($"SET application_name = '{ApplicationName}'; LISTEN {PostgreSqlChangeNotifications.Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
        listening = true;
        if (Interlocked.Increment(ref connects) > 1)
            LogListening(logger);
        notifications.Subscribers.DeliverMissed();
        while (true)
        {
            if (await connection.WaitAsync(options.Value.ListenKeepAlive, stoppingToken).ConfigureAwait(false))
                continue;
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that listens for the other hosts' changes; trying again in {Seconds:0.#} s")]
    private static partial void LogLost(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening again for the other hosts' changes")]
    private static partial void LogListening(ILogger logger);
}
