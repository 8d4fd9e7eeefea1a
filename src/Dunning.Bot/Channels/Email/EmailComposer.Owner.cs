using Dunning.Bot.Channels;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using MimeKit;
using MimeKit.Utils;

namespace Dunning.Bot.Channels.Email;

public sealed partial class EmailComposer
{
    /// <summary>
    /// The owner's e-mail about <paramref name="alert"/>: one escalation, or — when the alert is a digest — every alert it
    /// stands for and the debtors no channel can reach. Plain text in <paramref name="language"/>, each case linked in the
    /// staff console; marked <c>Auto-Submitted: auto-generated</c>, with no reply token (a reply reaches no debtor).
    /// </summary>
    public MimeMessage OwnerAlert(OwnerAlert alert, string to, string language)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        string subject;
        string text;
        if (alert.Digest.Count == 0)
        {
            var item = AlertModel(alert, language);
            subject = catalogue.Render(Dialog, "owner_alert_subject", language, item);
            text = catalogue.Render(Dialog, "owner_alert_text", language, item);
        }
        else
        {
            var model = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["count"] = alert.Digest.Count,
                ["alerts"] = alert.Digest.OrderByDescending(a => a.Priority).ThenBy(a => a.At).Select(a => AlertModel(a, language)).ToList(),
                ["unreachable"] = alert.Unreachable.Select(u => UnreachableModel(u, language)).ToList(),
                ["inbox_url"] = $"{bot.Value.PublicBaseUrl.TrimEnd('/')}/console",
            };
            subject = catalogue.Render(Dialog, "owner_digest_subject", language, model);
            text = catalogue.Render(Dialog, "owner_digest_text", language, model);
        }
        var from = Sender();
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to.Trim()));
        message.Subject = subject;
        message.MessageId = MimeUtils.GenerateMessageId(Domain(from));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "OOF, AutoReply");
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private Dictionary<string, object?> AlertModel(OwnerAlert alert, string language) => new(StringComparer.Ordinal)
    {
        ["name"] = alert.DebtorName,
        ["reason_label"] = catalogue.Render(Dialog, "owner_reason", language, new Dictionary<string, object?> { ["reason"] = alert.Reason.ToString() }),
        ["priority"] = alert.Priority.ToString(),
        ["priority_label"] = catalogue.Render(Dialog, "owner_priority", language, new Dictionary<string, object?> { ["priority"] = alert.Priority.ToString() }),
        ["summary"] = alert.Summary,
        ["escalation_id"] = alert.EscalationId ?? "",
        ["console_url"] = ChannelOwnerNotifier.CaseUrl(bot.Value.PublicBaseUrl, alert.DebtorId),
    };

    private Dictionary<string, object?> UnreachableModel(UnreachableDebtor debtor, string language) => new(StringComparer.Ordinal)
    {
        ["name"] = debtor.Name,
        ["dead"] = debtor.Dead.Select(c => ChannelName(c, language)).ToList(),
        ["opted_out"] = debtor.OptedOut.Select(c => ChannelName(c, language)).ToList(),
        ["since"] = debtor.Since,
        ["console_url"] = ChannelOwnerNotifier.CaseUrl(bot.Value.PublicBaseUrl, debtor.DebtorId),
    };

    private string ChannelName(string channel, string language) =>
        catalogue.Render(Dialog, "owner_channel", language, new Dictionary<string, object?> { ["channel"] = channel });
}
