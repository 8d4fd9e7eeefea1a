using Dunning.Bot.Core.Messages;
using Dunning.Bot.Hosting.Coordination;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Connects the bot to Telegram at start-up — getMe (the username for deep links), the command menu in German and
/// English, setWebhook with the secret (webhook mode) or deleteWebhook (polling mode) — retrying with backoff
/// while Telegram is unreachable, then, in polling mode, long-polls getUpdates into the inbox from the stored offset.
/// </summary>
/// <remarks>
/// Telegram serves getUpdates to one client at a time, so of several hosts sharing a database only the leader of
/// <see cref="TelegramBotIdentity.LeaderRole"/> (<see cref="ILeadership"/>) polls — the host that also handles the inbox; the others stand by and take over within
/// <see cref="CoordinationOptions.LeadershipRetryInterval"/> when it stops. A lost leadership stops the poll at once.
/// Before giving the leadership up the host confirms to Telegram what it stored, so the next leader does not receive
/// it again. Webhooks need no leader: every host takes the updates posted to it.
/// </remarks>
internal sealed partial class TelegramReceiver(
    TelegramClients clients,
    TelegramInbox inbox,
    ITelegramStore store,
    TelegramBotIdentity identity,
    ILeadership leadership,
    MessageCatalogue catalogue,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramReceiver> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>How long the confirmation of the stored updates may take when the leadership ends.</summary>
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await RetryAsync("connect to Telegram", ConnectAsync, stoppingToken);
        if (options.Value.Mode == TelegramMode.Polling)
            await PollWhileLeadingAsync(stoppingToken);
    }

    private async Task PollWhileLeadingAsync(CancellationToken stoppingToken)
    {
        var role = identity.LeaderRole;
        while (!stoppingToken.IsCancellationRequested)
        {
            var lease = await leadership.AcquireAsync(role, stoppingToken);
            try
            {
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                await PollAsync(leading.Token);
            }
            finally
            {
                await ConfirmStoredAsync();
                await lease.DisposeAsync();
            }
            if (!stoppingToken.IsCancellationRequested)
                logger.LogWarning("Stopped polling Telegram: this host no longer leads {Role}; it stands by", role);
        }
    }

    /// <summary>getUpdates with the stored offset and nothing awaited: Telegram forgets every update this host stored.</summary>
    private async Task ConfirmStoredAsync()
    {
        if (store.Offset() is not { } offset)
            return;
        using var timeout = new CancellationTokenSource(ConfirmTimeout, clock);
        try
        {
            await clients.Polling.GetUpdates((int)offset, limit: 1, timeout: 0, allowedUpdates: AllowedUpdates(), cancellationToken: timeout.Token);
        }
        catch (Exception ex) when (ex is RequestException or OperationCanceledException)
        {
            logger.LogWarning("Could not confirm the received Telegram updates before standing by; the next leader may receive some again: {Error}", ex.Message);
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var me = await clients.Interactive.GetMe(cancellationToken);
        identity.Set(me.Id, me.Username);
        await RegisterCommandsAsync(cancellationToken);
        var o = options.Value;
        if (o.Mode == TelegramMode.Webhook)
        {
            await clients.Interactive.SetWebhook(o.WebhookUrl!, allowedUpdates: AllowedUpdates(), secretToken: o.SecretToken, cancellationToken: cancellationToken);
            logger.LogInformation("Telegram bot @{Username} receives updates by webhook", me.Username);
        }
        else
        {
            await clients.Interactive.DeleteWebhook(cancellationToken: cancellationToken);
            logger.LogInformation("Telegram bot @{Username} receives updates by long polling", me.Username);
        }
    }

    /// <summary>The same menu for the default list and per language (de, en), with descriptions from dialogs/telegram.*.yaml.</summary>
    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        foreach (var language in new[] { "de", "en" })
        {
            var commands = TelegramCommands.Menu
                .Select(m => new BotCommand(m.Command, catalogue.Render("telegram", "command_" + m.Command, language)))
                .ToArray();
            await clients.Interactive.SetMyCommands(commands, languageCode: language, cancellationToken: cancellationToken);
            if (language == "de")
                await clients.Interactive.SetMyCommands(commands, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Long-polls until <paramref name="leading"/> is cancelled (shutdown or lost leadership).</summary>
    private async Task PollAsync(CancellationToken leading)
    {
        var timeout = (int)options.Value.PollingTimeout.TotalSeconds;
        var allowed = AllowedUpdates();
        var failures = 0;
        while (!leading.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                var offset = store.Offset();
                updates = await clients.Polling.GetUpdates(offset is { } o ? (int)o : null, limit: 100, timeout: timeout,
                    allowedUpdates: allowed, cancellationToken: leading);
                failures = 0;
            }
            catch (OperationCanceledException) when (leading.IsCancellationRequested)
            {
                return;
            }
            catch (RequestException ex)
            {
                failures++;
                logger.LogWarning("getUpdates failed ({Failures} in a row): {Error}", failures, ex.Message);
                try
                {
                    await Task.Delay(Backoff(failures), clock, leading);
                }
                catch (OperationCanceledException) when (leading.IsCancellationRequested)
                {
                    return;
                }
                continue;
            }
            foreach (var update in updates)
            {
                if (!inbox.AcceptPolled(update))
                    logger.LogInformation("Dropped Telegram update {UpdateId}: already received", update.Id);
            }
        }
    }

    private async Task RetryAsync(string what, Func<CancellationToken, Task> action, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action(stoppingToken);
                return;
            }
            catch (RequestException ex)
            {
                logger.LogError("Could not {What} (attempt {Attempt}): {Error}", what, attempt, ex.Message);
                await Task.Delay(Backoff(attempt), clock, stoppingToken);
            }
        }
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures, 10) - 1)));

    private UpdateType[] AllowedUpdates() =>
        [.. options.Value.EffectiveAllowedUpdates.Select(k => Enum.TryParse<UpdateType>(k.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var t) ? t : UpdateType.Unknown)
            .Where(t => t != UpdateType.Unknown)];
}
