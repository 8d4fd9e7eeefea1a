using Microsoft.Extensions.Options;
using MimeKit;

namespace Dunning.Bot.Channels.Email;

/// <summary>Checks <see cref="EmailOptions"/> at start-up; messages name the setting, never a password.</summary>
public sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal static IReadOnlyList<string> Problems(EmailOptions options)
    {
        const string S = EmailOptions.SectionName;
        var problems = new List<string>();
        if (!options.Enabled)
            return problems;
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            problems.Add($"{S}:Smtp:Host is required when {S}:Enabled is true.");
        if (!IsMailbox(options.From))
            problems.Add($"{S}:From must be one address such as \"Firma <rechnung@example.com>\".");
        if (!string.IsNullOrWhiteSpace(options.ReplyTo) && !IsMailbox(options.ReplyTo))
            problems.Add($"{S}:ReplyTo must be one e-mail address (or empty).");
        if (options.Smtp.Port is < 1 or > 65535 || (options.Imap.IsOn && options.Imap.Port is < 1 or > 65535))
            problems.Add($"{S}: Smtp:Port and Imap:Port must be between 1 and 65535.");
        if (!Enum.IsDefined(options.Smtp.Security) || !Enum.IsDefined(options.Imap.Security))
            problems.Add($"{S}: Security must be None, StartTls or Tls.");
        if (options.Imap.IsOn && (options.Imap.PollSeconds is < 5 or > 3600 || string.IsNullOrWhiteSpace(options.Imap.Folder)))
            problems.Add($"{S}:Imap:PollSeconds must be between 5 and 3600 and Imap:Folder must not be empty.");
        if (options.Smtp.Connections is < 1 or > 32)
            problems.Add($"{S}:Smtp:Connections must be between 1 and 32.");
        if (options.MaxPerMinute is < 0 or > 100_000)
            problems.Add($"{S}:MaxPerMinute must be between 0 (no limit) and 100000.");
        if (options.TimeoutSeconds is < 1 or > 600 || options.MaxInboundBytes < 1024 || options.MaxReplyChars is < 100 or > 100_000)
            problems.Add($"{S}: TimeoutSeconds 1–600, MaxInboundBytes at least 1024, MaxReplyChars 100–100000.");
        if (options.MaxAttachmentBytes is < 1024 or > 50 * 1024 * 1024 || options.AttachmentTimeoutSeconds is < 1 or > 300)
            problems.Add($"{S}: MaxAttachmentBytes 1024–52428800, AttachmentTimeoutSeconds 1–300.");
        if (!string.IsNullOrWhiteSpace(options.InvoiceFolder) && !Directory.Exists(options.InvoiceFolder))
            problems.Add($"{S}:InvoiceFolder '{options.InvoiceFolder}' does not exist.");
        if (options.OwnerAlerts.IsOn && !EmailAddresses.IsDeliverable(options.OwnerAlerts.To.Trim()))
            problems.Add($"{S}:OwnerAlerts:To must be one e-mail address such as chefin@example.com (or empty).");
        if (!Core.Domain.Debtor.Languages.Contains(options.OwnerAlerts.Language))
            problems.Add($"{S}:OwnerAlerts:Language must be de or en.");
        var dkim = options.Dkim;
        var dkimParts = new[] { dkim.Domain, dkim.Selector, dkim.PrivateKeyPath }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (dkimParts is > 0 and < 3)
            problems.Add($"{S}:Dkim needs Domain, Selector and PrivateKeyPath together (or none).");
        else if (dkim.IsOn && !File.Exists(dkim.PrivateKeyPath))
            problems.Add($"{S}:Dkim:PrivateKeyPath '{dkim.PrivateKeyPath}' does not exist.");
        return problems;
    }

    internal static bool IsMailbox(string? value) =>
        !string.IsNullOrWhiteSpace(value) && InternetAddressList.TryParse(value, out var list) && list.Count == 1 && list[0] is MailboxAddress m
        && m.Address.Contains('@', StringComparison.Ordinal);
}
