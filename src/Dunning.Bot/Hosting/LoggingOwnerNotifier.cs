using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Hosting;

/// <summary>The default owner notifier: writes the alert to the log (Telegram/Teams alerts replace it when configured).</summary>
public sealed class LoggingOwnerNotifier(ILogger<LoggingOwnerNotifier> logger) : IOwnerNotifier
{
    public Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        logger.LogWarning("Owner alert ({Priority}) for {DebtorName} [{DebtorId}]: {Reason} — {Summary} (escalation {EscalationId})",
            alert.Priority, alert.DebtorName, alert.DebtorId, alert.Reason, alert.Summary, alert.EscalationId);
        return Task.CompletedTask;
    }
}
