using System.Globalization;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// Sends owner alerts to the owner's bound Telegram chat (see <see cref="TelegramOwnerLink"/>) through the adapter's
/// proactive path (its send gate keeps Telegram's rate limits), after the notifier it decorates (the host's default,
/// which logs). Without an inner notifier it logs the alert itself. The alert links the case in the staff console
/// (<c>{Bot:PublicBaseUrl}/console/cases/{debtorId}</c>). Never throws for delivery problems; they are logged.
/// </summary>
internal sealed partial class TelegramOwnerNotifier(
    IOwnerNotifier? inner,
    TelegramStore store,
    TelegramAdapter adapter,
    MessageCatalogue catalogue,
    IOptions<BotOptions> bot,
    ILogger<TelegramOwnerNotifier> logger) : IOwnerNotifier
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
            var text = catalogue.Render("telegram", "owner_alert", owner.Language, new Dictionary<string, object?>
            {
                ["debtor_name"] = alert.DebtorName,
                ["reason"] = alert.Reason.ToString(),
                ["priority"] = alert.Priority.ToString(),
                ["summary"] = alert.Summary,
                ["console_url"] = CaseUrl(bot.Value.PublicBaseUrl, alert.DebtorId),
            });
            var chat = owner.ChatId.ToString(CultureInfo.InvariantCulture);
            var reference = new ConversationReference
            {
                ChannelId = TelegramActivities.ChannelId,
                Conversation = new ConversationAccount(chat, "private"),
            };
            var result = await adapter.SendAsync(reference, [Activity.CreateMessage(text)], cancellationToken).ConfigureAwait(false);
            if (result.Status != DeliveryStatus.Delivered)
                LogNotDelivered(result.Status.ToString(), result.Detail);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    /// <summary>The staff console's case page of <paramref name="debtorId"/>.</summary>
    internal static string CaseUrl(string publicBaseUrl, string debtorId) =>
        $"{publicBaseUrl.TrimEnd('/')}/console/cases/{Uri.EscapeDataString(debtorId)}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Owner alert ({Priority}) for debtor {DebtorId}: {Summary}")]
    private partial void LogAlert(string priority, string debtorId, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The owner alert did not reach the owner's Telegram chat: {Status} {Detail}")]
    private partial void LogNotDelivered(string status, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The owner alert could not be sent to Telegram")]
    private partial void LogFailed(Exception exception);
}
