namespace Dunning.Bot.Channels.Email;

/// <summary>
/// The e-mail channel (section <see cref="SectionName"/>): SMTP submission for reminders and answers, IMAP for replies
/// and bounce reports. Off until <see cref="Enabled"/> is set together with <c>Smtp:Host</c> and <see cref="From"/>;
/// checked at start-up by <see cref="EmailOptionsValidation"/>.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>Turns the channel on (default false). Needs <c>Smtp:Host</c> and <see cref="From"/>.</summary>
    public bool Enabled { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender, e.g. <c>Müller Haustechnik &lt;rechnung@mueller-haustechnik.de&gt;</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>
    /// Where replies go; empty = <see cref="From"/>. Its local part gets a per-debtor tag (<c>rechnung+t7k2…@…</c>), so the
    /// mailbox must accept plus-addresses (most do); replies are also matched by <c>In-Reply-To</c>/<c>References</c>.
    /// </summary>
    public string ReplyTo { get; set; } = "";

    public ImapOptions Imap { get; set; } = new();

    /// <summary>DKIM signing (optional): set all three to sign every message.</summary>
    public DkimOptions Dkim { get; set; } = new();

    /// <summary>Messages submitted per minute at most (default 600; 0 = no limit).</summary>
    public int MaxPerMinute { get; set; } = 600;

    /// <summary>SMTP connect/command timeout in seconds (default 30).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Incoming messages larger than this many bytes are not read (only their headers): default 10 MiB.</summary>
    public int MaxInboundBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Characters of a reply handed to the bot (after quotes and signature are stripped); default 2000.</summary>
    public int MaxReplyChars { get; set; } = 2000;

    /// <summary>
    /// The folder invoice documents given as a file path (<c>Invoice.DocumentLink</c>) are read from; a path outside it is
    /// refused. Empty = file paths are not attached (http(s) links still are).
    /// </summary>
    public string InvoiceFolder { get; set; } = "";

    /// <summary>Largest invoice document attached to a reminder, in bytes (default 10 MiB); larger ones are left off.</summary>
    public int MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long fetching an http(s) invoice document may take, in seconds (default 20).</summary>
    public int AttachmentTimeoutSeconds { get; set; } = 20;

    /// <summary>Owner alerts by e-mail (a third alert channel beside the owner's Telegram and Teams chats); off without <c>To</c>.</summary>
    public OwnerAlertEmailOptions OwnerAlerts { get; set; } = new();

    /// <summary>True when the channel is on and its SMTP server and sender are set.</summary>
    public bool IsOn => Enabled && !string.IsNullOrWhiteSpace(Smtp.Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>How the connection to a mail server is secured.</summary>
public enum MailSecurity
{
    /// <summary>Plain text (only for a server on this machine).</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (port 587 / 143); refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465 / 993).</summary>
    Tls,
}

/// <summary>The submission server (section <c>Email:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Login (empty = no authentication).</summary>
    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Connections kept open to the server and used at once (default 4).</summary>
    public int Connections { get; set; } = 4;
}

/// <summary>The mailbox replies and bounce reports arrive in (section <c>Email:Imap</c>); no host = no replies read.</summary>
public sealed class ImapOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 993;

    public MailSecurity Security { get; set; } = MailSecurity.Tls;

    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    public string Folder { get; set; } = "INBOX";

    /// <summary>Seconds between two looks at the mailbox (default 60).</summary>
    public int PollSeconds { get; set; } = 60;

    public bool IsOn => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Where owner alerts and digests go by e-mail (section <c>Email:OwnerAlerts</c>).</summary>
public sealed class OwnerAlertEmailOptions
{
    /// <summary>The owner's address, e.g. <c>chefin@example.com</c>; empty = no alerts by e-mail.</summary>
    public string To { get; set; } = "";

    /// <summary>The language of the alerts, <c>de</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "de";

    public bool IsOn => !string.IsNullOrWhiteSpace(To);
}

/// <summary>DKIM signing (section <c>Email:Dkim</c>): the signing domain, the selector and a PEM private key file.</summary>
public sealed class DkimOptions
{
    public string Domain { get; set; } = "";

    public string Selector { get; set; } = "";

    public string PrivateKeyPath { get; set; } = "";

    public bool IsOn => !string.IsNullOrWhiteSpace(Domain) && !string.IsNullOrWhiteSpace(Selector) && !string.IsNullOrWhiteSpace(PrivateKeyPath);
}
