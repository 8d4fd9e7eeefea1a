using System.Text.Json;
using Dunning.Bot.Hosting.Coordination;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Handles the inbox in update_id order, one update at a time, and marks each done afterwards: pending updates
/// survive a restart and are handled then; done ones are remembered (a window of
/// <see cref="TelegramOptions.ProcessedUpdatesWindow"/>) so a redelivery is dropped. Of several hosts sharing a database
/// only the leader of <see cref="TelegramBotIdentity.LeaderRole"/> handles the shared inbox — the host that polls; updates
/// posted to other hosts wake it through <see cref="TelegramInbox"/>, and it looks every
/// <see cref="CoordinationOptions.SharedInboxCheckInterval"/> in case a wake-up was lost.
/// </summary>
/// <remarks>An update whose handling throws is logged and marked done: retrying a poisoned update forever would
/// stop every other chat. Failed turns never get here; the adapter's turn-error path answers those.</remarks>
internal sealed class TelegramUpdateProcessor(
    TelegramInbox inbox,
    ITelegramStore store,
    TelegramUpdateHandler handler,
    TelegramBotIdentity identity,
    ILeadership leadership,
    IOptions<TelegramOptions> options,
    IOptions<CoordinationOptions> coordination,
    ILogger<TelegramUpdateProcessor> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(1);

    /// <summary>How long a turn in progress may finish after shutdown began; cut off later, it runs again after the restart.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // A turn is not cancelled the moment shutdown begins: cutting it off between the reply and MarkDone would
        // handle the update again after the restart. New updates are not started once stopping.
        using var hardStop = new CancellationTokenSource();
        await using var _ = stoppingToken.Register(() => hardStop.CancelAfter(Drain));
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var lease = await leadership.AcquireAsync(identity.LeaderRole, stoppingToken);
            using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
            await HandleWhileLeadingAsync(leading.Token, hardStop.Token);
        }
    }

    /// <summary>Handles pending updates until <paramref name="leading"/> is cancelled (shutdown or lost leadership); a
    /// turn already begun ends first.</summary>
    private async Task HandleWhileLeadingAsync(CancellationToken leading, CancellationToken hardStop)
    {
        store.DeleteExpiredButtons();
        var idle = leadership.ManyHosts ? coordination.Value.SharedInboxCheckInterval : Idle;
        var handled = 0;
        while (!leading.IsCancellationRequested)
        {
            var batch = store.PendingUpdates(100);
            foreach (var (updateId, json) in batch)
            {
                if (leading.IsCancellationRequested)
                    return;
                await HandleOneAsync(updateId, json, hardStop);
                store.MarkDone(updateId);
                if (++handled % 1000 == 0)
                {
                    store.TrimDone(options.Value.ProcessedUpdatesWindow);
                    store.DeleteExpiredButtons();
                }
            }
            if (batch.Count > 0)
                continue;
            try
            {
                await inbox.WaitAsync(idle, leading);
            }
            catch (OperationCanceledException) when (leading.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task HandleOneAsync(long updateId, string json, CancellationToken hardStop)
    {
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Dropped Telegram update {UpdateId}: not an update ({Error})", updateId, ex.Message);
            return;
        }
        if (update is null)
            return;
        try
        {
            await handler.HandleAsync(update, hardStop);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !hardStop.IsCancellationRequested)
        {
            logger.LogError(ex, "Handling Telegram update {UpdateId} failed; it is not retried", updateId);
        }
    }
}
