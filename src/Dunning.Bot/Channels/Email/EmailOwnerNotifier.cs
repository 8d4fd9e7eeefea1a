using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// Owner alerts by e-mail to <c>Email:OwnerAlerts:To</c>, after the notifier it decorates (the log, the owner's Telegram
/// and Teams chats): one message per alert, or one digest (every alert of the period and the debtors no channel can
/// reach) when the console sends digests. Goes through the same pooled, rate-limited SMTP submission as reminders; a
/// failure is logged, never thrown and never retried into a flood.
/// </summary>
internal sealed partial class EmailOwnerNotifier(
    IOwnerNotifier? inner, EmailComposer composer, SmtpMailer mailer, IOptions<EmailOptions> options, ILogger<EmailOwnerNotifier> logger) : IOwnerNotifier
{
    public async Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await OwnerNotifierChain.PassOnAsync(inner, alert, logger, cancellationToken).ConfigureAwait(false);
        var owner = options.Value.OwnerAlerts;
        try
        {
            var message = composer.OwnerAlert(alert, owner.To, owner.Language);
            var result = await mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (result.Status != DeliveryStatus.Delivered)
                LogNotDelivered(result.Status.ToString(), result.Detail);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The owner alert e-mail was not accepted: {Status} {Detail}")]
    private partial void LogNotDelivered(string status, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The owner alert e-mail could not be sent")]
    private partial void LogFailed(Exception exception);
}
