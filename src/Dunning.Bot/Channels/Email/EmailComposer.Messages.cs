using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using MimeKit;
using MimeKit.Utils;

namespace Dunning.Bot.Channels.Email;

public sealed partial class EmailComposer
{
    /// <summary>A follow-up (agreement kept, instalment due, …) whose text the planner rendered already.</summary>
    public ComposedMail FollowUp(Debtor debtor, string language, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        var subject = catalogue.Render(Dialog, "subject_follow_up", language, new Dictionary<string, object?> { ["creditor_name"] = CreditorName() });
        return Letter(debtor, language, subject, Paragraphs([text]), [], null, now, "auto-generated", salute: true);
    }

    /// <summary>
    /// The bot's answer to an e-mail of the debtor, in the same thread: subject <c>Re: …</c>, <c>In-Reply-To</c> the
    /// debtor's message and <c>References</c> continued. Image attachments of the replies (a GiroCode) travel along.
    /// </summary>
    public ComposedMail Answer(Debtor debtor, string language, IReadOnlyList<Activity> replies, EmailThread thread, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(thread);
        var subject = catalogue.Render(Dialog, "subject_reply", language, new Dictionary<string, object?> { ["subject"] = StripReplyPrefix(thread.Subject) });
        var files = replies.SelectMany(r => r.Attachments ?? []).ToList();
        return Letter(debtor, language, subject, Paragraphs(replies.Select(r => r.Text ?? "")), files, thread, now, "auto-replied", salute: false);
    }

    private ComposedMail Letter(Debtor debtor, string language, string subject, IReadOnlyList<string> paragraphs, IReadOnlyList<Attachment> files,
        EmailThread? thread, DateTimeOffset now, string autoSubmitted, bool salute)
    {
        var token = store.ReplyToken(debtor.Id);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["salutation"] = salute ? Salutation(debtor, language) : "",
            ["paragraphs"] = paragraphs.ToList(),
            ["chat"] = ChatModel(debtor),
            ["creditor"] = CreditorModel(),
            ["unsubscribe_url"] = UnsubscribeUrl(token),
        };
        var body = new BodyBuilder
        {
            TextBody = catalogue.Render(Dialog, "message_text", language, model),
            HtmlBody = catalogue.Render(Dialog, "message_html", language, HtmlModel.Escape(model)),
        };
        foreach (var file in files)
        {
            if (file.ContentUrl is { } url && DataUri.TryParse(url, out var mediaType, out var content) && ContentType.TryParse(mediaType, out var type))
                body.Attachments.Add(string.IsNullOrWhiteSpace(file.Name) ? "attachment" : file.Name, content, type);
        }
        var composed = Build(debtor, token, subject, body, thread, autoSubmitted);
        composed.Message.Date = now;
        return composed;
    }

    /// <summary>Puts a message together: addresses, Message-ID, threading, loop-prevention and unsubscribe headers.</summary>
    private ComposedMail Build(Debtor debtor, string token, string subject, BodyBuilder body, EmailThread? thread, string autoSubmitted,
        string? outboxKey = null)
    {
        var from = Sender();
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(debtor.Name, debtor.Email ?? ""));
        message.ReplyTo.Add(ReplyAddress(token));
        message.Subject = subject;
        message.MessageId = MimeUtils.GenerateMessageId(Domain(from));
        // RFC 3834: mark what a machine wrote, so well-behaved autoresponders stay silent; ask Exchange for no OOF either.
        message.Headers.Add("Auto-Submitted", autoSubmitted);
        message.Headers.Add("X-Auto-Response-Suppress", "OOF, AutoReply");
        message.Headers.Add(HeaderId.ListUnsubscribe, $"<{UnsubscribeUrl(token)}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        if (thread is not null)
        {
            message.InReplyTo = thread.MessageId;
            foreach (var reference in thread.References.Append(thread.MessageId).Distinct(StringComparer.Ordinal).TakeLast(20))
                message.References.Add(reference);
        }
        message.Body = body.ToMessageBody();
        store.RememberSent(message.MessageId, debtor.Id, subject, outboxKey);
        return new ComposedMail(message, body.TextBody ?? "");
    }

    /// <summary>The configured sender (<c>Email:From</c>).</summary>
    internal MailboxAddress Sender() => MailboxAddress.Parse(email.Value.From);

    /// <summary>The reply address with the debtor's token: <c>rechnung+token@example.com</c>.</summary>
    internal MailboxAddress ReplyAddress(string token)
    {
        var box = string.IsNullOrWhiteSpace(email.Value.ReplyTo) ? Sender() : MailboxAddress.Parse(email.Value.ReplyTo);
        var at = box.Address.LastIndexOf('@');
        var local = box.Address[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
            local = local[..plus];
        return new MailboxAddress(box.Name, $"{local}+{token}{box.Address[at..]}");
    }

    private static string Domain(MailboxAddress address) => address.Address[(address.Address.LastIndexOf('@') + 1)..];

    private static List<string> Paragraphs(IEnumerable<string> texts) =>
        [.. texts.SelectMany(t => t.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")).Select(p => p.Trim()).Where(p => p.Length > 0)];

    private static string StripReplyPrefix(string? subject)
    {
        var s = (subject ?? "").Trim();
        while (s.Length > 3 && (s.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) || s.StartsWith("Aw:", StringComparison.OrdinalIgnoreCase)))
            s = s[3..].TrimStart();
        return s.Length > 200 ? s[..200] : s;
    }
}

/// <summary>A message ready to submit and its plain-text part (kept as the outbox entry's text).</summary>
public sealed record ComposedMail(MimeMessage Message, string Text);

/// <summary>The thread an answer continues: the debtor's Message-ID, its References and subject.</summary>
public sealed record EmailThread(string MessageId, IReadOnlyList<string> References, string? Subject);
