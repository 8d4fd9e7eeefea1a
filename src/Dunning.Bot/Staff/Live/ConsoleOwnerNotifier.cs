using System.Text.Json;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Live;

/// <summary>
/// The owner notifier the console adds in front of the one registered before it (the log, and the Telegram/Teams
/// owner chats when those channels were added first): every alert reaches the open console pages at once; the inner
/// notifier gets it at once (<see cref="OwnerAlertMode.Immediate"/>) or in the next digest (<see cref="AlertDigest"/>).
/// With no inner notifier the alert is logged. Never throws for delivery problems.
/// </summary>
public sealed partial class ConsoleOwnerNotifier(
    IOwnerNotifier? inner, ConsoleBroadcaster broadcaster, AlertDigest digest, IOptions<StaffOptions> options,
    ILogger<ConsoleOwnerNotifier> logger) : IOwnerNotifier
{
    public async Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await broadcaster.PublishAsync(new ConsoleEvent("escalation", JsonSerializer.Serialize(new
        {
            debtorId = alert.DebtorId,
            debtorName = alert.DebtorName,
            reason = alert.Reason.ToString(),
            priority = alert.Priority.ToString(),
            summary = alert.Summary,
            escalationId = alert.EscalationId,
            at = alert.At,
        })), alert.DebtorId, cancellationToken);
        if (options.Value.AlertMode == OwnerAlertMode.Digest)
        {
            digest.Add(alert);
            return;
        }
        await DeliverAsync(inner, alert, logger, cancellationToken);
    }

    /// <summary>Passes the alert to <paramref name="target"/> (or the log), swallowing its failures.</summary>
    internal static async Task DeliverAsync(IOwnerNotifier? target, OwnerAlert alert, ILogger logger, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            LogAlert(logger, alert.Priority.ToString(), alert.Reason.ToString(), alert.DebtorId);
            return;
        }
        try
        {
            await target.NotifyAsync(alert, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    // Never the summary or name: they carry the debtor's own words and personal data.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Owner alert ({Priority}): {Reason} for debtor {DebtorId}")]
    private static partial void LogAlert(ILogger logger, string priority, string reason, string debtorId);

    [LoggerMessage(Level = LogLevel.Error, Message = "An owner alert could not be delivered")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
