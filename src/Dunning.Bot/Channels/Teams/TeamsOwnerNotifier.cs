using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Sends owner alerts to the owner's bound Teams chat (see <see cref="TeamsOwnerLink"/>) through the proactive
/// path, after the notifier it decorates (the host's default, which logs and feeds the console). Without an inner
/// notifier it logs the alert itself. Never throws for delivery problems.
/// </summary>
public sealed partial class TeamsOwnerNotifier(
    IOwnerNotifier? inner, TeamsStore store, TeamsProactiveChannel channel, TeamsWording wording, ILogger<TeamsOwnerNotifier> logger) : IOwnerNotifier
{
    public async Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (inner is not null)
            await inner.NotifyAsync(alert, cancellationToken).ConfigureAwait(false);
        else
            LogAlert(alert.Priority.ToString(), alert.DebtorId, alert.Summary);
        try
        {
            if (store.FindOwner() is not { } owner)
                return;
            var text = wording.Render(owner.Language, "owner_alert", new Dictionary<string, object?>
            {
                ["debtor_name"] = alert.DebtorName,
                ["reason"] = alert.Reason.ToString(),
                ["priority"] = alert.Priority.ToString(),
                ["summary"] = alert.Summary,
                ["escalation_id"] = alert.EscalationId ?? "",
            });
            var result = await channel.SendAsync(owner.Reference, [Activity.CreateMessage(text)], cancellationToken).ConfigureAwait(false);
            if (result.Status != DeliveryStatus.Delivered)
                LogNotDelivered(result.Status.ToString(), result.Detail);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Owner alert ({Priority}) for debtor {DebtorId}: {Summary}")]
    private partial void LogAlert(string priority, string debtorId, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The owner alert did not reach the owner's Teams chat: {Status} {Detail}")]
    private partial void LogNotDelivered(string status, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The owner alert could not be sent to Teams")]
    private partial void LogFailed(Exception exception);
}
