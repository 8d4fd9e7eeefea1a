using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>Runs <see cref="WebChatRetention"/> every <see cref="WebChatOptions.RetentionSweepInterval"/> on the host's clock.</summary>
internal sealed partial class WebChatRetentionService(
    WebChatRetention retention,
    IOptions<WebChatOptions> options,
    TimeProvider clock,
    ILogger<WebChatRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await retention.SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next tick tries again; a failed sweep loses nothing.
                    LogFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The web chat retention sweep failed")]
    private partial void LogFailed(Exception exception);
}
