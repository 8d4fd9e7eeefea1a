using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Hosting;

/// <summary>
/// The default owner notifier: writes the alert to the log (Telegram/Teams alerts replace it when configured). The log
/// gets what happened and to which debtor id, never the summary or name: those carry the debtor's own words and personal data.
/// </summary>
public sealed class LoggingOwnerNotifier(ILogger<LoggingOwnerNotifier> logger) : IOwnerNotifier
{
    public Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        logger.LogWarning("Owner alert ({Priority}): {Reason} for debtor {DebtorId} (escalation {EscalationId})",
            alert.Priority, alert.Reason, alert.DebtorId, alert.EscalationId);
        return Task.CompletedTask;
    }
}
