using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Scheduling;

/// <summary>The default owner alert until a chat or console notifier is registered: a warning in the log.</summary>
internal sealed class LoggingOwnerNotifier(ILogger<LoggingOwnerNotifier> logger) : IOwnerNotifier
{
    public Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        logger.LogWarning("Owner alert ({Priority}) for {Debtor} {Name}: {Summary} [{Escalation}]",
            alert.Priority, alert.DebtorId, alert.DebtorName, alert.Summary, alert.EscalationId);
        return Task.CompletedTask;
    }
}
