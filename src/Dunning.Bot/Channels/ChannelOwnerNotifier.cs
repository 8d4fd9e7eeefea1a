using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels;

/// <summary>
/// Sends owner alerts to the chat the owner bound on one channel, after the notifier it decorates (the host's
/// default, which logs and feeds the console); without an inner notifier it logs the alert itself. The alert
/// names the debtor, reason, priority and summary and links the case in the staff console. Never throws for
/// delivery problems; they are logged.
/// </summary>
internal abstract partial class ChannelOwnerNotifier(IOwnerNotifier? inner, IOptions<BotOptions> bot, ILogger logger) : IOwnerNotifier
{
    public async Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await OwnerNotifierChain.PassOnAsync(inner, alert, logger, cancellationToken).ConfigureAwait(false);
        try
        {
            if (FindOwner() is not { } owner)
                return;
            var text = Render(owner.Language, new Dictionary<string, object?>
            {
                ["debtor_name"] = alert.DebtorName,
                ["reason"] = alert.Reason.ToString(),
                ["priority"] = alert.Priority.ToString(),
                ["summary"] = alert.Summary,
                ["escalation_id"] = alert.EscalationId ?? "",
                ["console_url"] = CaseUrl(bot.Value.PublicBaseUrl, alert.DebtorId),
                ["unreachable"] = alert.Unreachable.Select(u => u.Name).ToList(),
            });
            var result = await SendAsync(owner.Reference, [Activity.CreateMessage(text)], cancellationToken).ConfigureAwait(false);
            if (result.Status != DeliveryStatus.Delivered)
                LogNotDelivered(ChannelId, result.Status.ToString(), result.Detail);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ChannelId, ex);
        }
    }

    /// <summary>The staff console's case page of <paramref name="debtorId"/>.</summary>
    internal static string CaseUrl(string publicBaseUrl, string debtorId) =>
        $"{publicBaseUrl.TrimEnd('/')}/console/cases/{Uri.EscapeDataString(debtorId)}";

    protected abstract string ChannelId { get; }

    /// <summary>The owner's bound chat and its language, or null when none is bound.</summary>
    protected abstract OwnerChat? FindOwner();

    /// <summary>The channel's <c>owner_alert</c> message for the model (debtor_name, reason, priority, summary, escalation_id, console_url, unreachable).</summary>
    protected abstract string Render(string language, IReadOnlyDictionary<string, object?> model);

    protected abstract Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The owner alert did not reach the owner's {Channel} chat: {Status} {Detail}")]
    private partial void LogNotDelivered(string channel, string status, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The owner alert could not be sent to {Channel}")]
    private partial void LogFailed(string channel, Exception exception);
}

/// <summary>Where owner alerts go on a channel.</summary>
internal sealed record OwnerChat(ConversationReference Reference, string Language);
